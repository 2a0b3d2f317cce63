using MovieRec.DataFiles;
using MovieRec.Domain;

namespace MovieRec.Domain.Tests;

public class CommunityTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_user_joins_the_community_at_ten_ratings_is_replaced_when_they_change_and_leaves_below_ten()
    {
        var nine = Stars(Enumerable.Range(1, 9), 4);
        var ten = Stars(Enumerable.Range(1, 10), 4);
        var tenChanged = Stars(Enumerable.Range(1, 10), 2);

        var withNine = CommunityRatings.Empty.With([("ann", nine), ("bob", ten)]);
        Assert.False(withNine.Contains("ann"));
        Assert.True(withNine.Contains("bob"));
        Assert.Equal(10, withNine.RatingCount);

        var changed = withNine.With([("bob", tenChanged), ("ann", ten)]);
        Assert.Equal(["ann", "bob"], changed.Members.Select(m => m.ChatId));
        Assert.All(changed.Members.Single(m => m.ChatId == "bob").Stars, s => Assert.Equal(2f, s));

        var left = changed.With([("bob", new Dictionary<int, double>())]);
        Assert.Equal(["ann"], left.Members.Select(m => m.ChatId));
        Assert.True(withNine.Contains("bob"), "an earlier community is not changed by a later one");
    }

    [Fact]
    public void A_community_snapshot_reads_back_as_written()
    {
        var community = CommunityRatings.Empty.With([
            ("123456789", Stars(Enumerable.Range(1, 12), 3.5)),
            ("café-ユーザー", Stars([5, 3, 1, 9, 7, 2, 4, 6, 8, 10], 0.5)),
        ]);
        var written = new CommunitySnapshot(7, Noon, Noon.AddMinutes(-2), Noon.AddHours(-3), community);

        var read = CommunitySnapshotEncoding.FromBytes(CommunitySnapshotEncoding.ToBytes(written));

        Assert.Equal((7L, Noon, Noon.AddMinutes(-2), Noon.AddHours(-3)), (read.Version, read.BuiltAt, read.ChangesSince, read.FullBuildAt));
        Assert.Equal(
            community.Members.Select(m => (m.ChatId, string.Join(",", m.MovieIds), string.Join(",", m.Stars))),
            read.Ratings.Members.Select(m => (m.ChatId, string.Join(",", m.MovieIds), string.Join(",", m.Stars))));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], read.Ratings.Members.Single(m => m.ChatId == "café-ユーザー").MovieIds);
    }

    [Fact]
    public void A_damaged_community_snapshot_is_refused()
    {
        var bytes = CommunitySnapshotEncoding.ToBytes(new CommunitySnapshot(1, Noon, Noon, Noon, CommunityRatings.Empty.With([("ann", Stars(Enumerable.Range(1, 10), 4))])));
        bytes[bytes.Length / 2] ^= 0x20;

        Assert.Throws<InvalidDataException>(() => CommunitySnapshotEncoding.FromBytes(bytes));
        Assert.Throws<InvalidDataException>(() => CommunitySnapshotEncoding.FromBytes([1, 2, 3]));
    }

    [Fact]
    public void The_pool_puts_members_after_the_movielens_users_and_leaves_out_ratings_of_unknown_movies()
    {
        var movieLens = MovieLens();
        var community = CommunityRatings.Empty.With([
            ("ann", Stars(Enumerable.Range(1, 10), 4)),
            // Ten ratings, but two of movies MovieLens does not have: eight are too few for the pool.
            ("bob", Stars([.. Enumerable.Range(1, 8), 998, 999], 4)),
        ]);

        var pool = NeighbourPool.Of(movieLens, community);

        Assert.Equal(1, pool.AppUsers);
        Assert.Equal(movieLens.UserCount + 1, pool.Matrix.UserCount);
        Assert.Equal(movieLens.UserCount, pool.UserIndexOf("ann"));
        Assert.Equal(-1, pool.UserIndexOf("bob"));
        Assert.Equal(-1, pool.Matrix.UserId(pool.UserIndexOf("ann")));
        Assert.Equal(Enumerable.Range(1, 10), pool.Matrix.MoviesRatedBy(pool.UserIndexOf("ann")).ToArray().Select(pool.Matrix.MovieId));
        Assert.Equal(movieLens.RatingCount + 10, pool.Matrix.RatingCount);
    }

    [Fact]
    public void A_person_in_the_pool_is_not_their_own_neighbour()
    {
        // The person rated films 1–10; so did their twin in MovieLens, who also loved film 11.
        // Film 12 is the more popular one. With one neighbour, that neighbour decides the top pick.
        var person = Stars(Enumerable.Range(1, 10), 4);
        var pool = NeighbourPool.Of(MovieLens(), CommunityRatings.Empty.With([("person", person)]));
        // Without the community's bound, so that the person's own row competes for the one neighbour's place.
        var recommender = new UserBasedRecommender(pool.Matrix, new RecommenderOptions { RankingNeighbours = 1, CommunityEvidenceCap = double.PositiveInfinity });

        var leftOut = recommender.Recommend(person, 1, self: pool.UserIndexOf("person"));
        var comparedWithThemself = recommender.Recommend(person, 1);

        Assert.Equal(11, leftOut.Single().MovieId);
        Assert.Equal(12, comparedWithThemself.Single().MovieId);
    }

    [Fact]
    public void A_film_no_MovieLens_neighbour_supports_stays_out_of_lists_however_many_community_profiles_push_it()
    {
        // Film 13: no MovieLens rating at all; 50 community profiles rate it 5 beside the person's films.
        var person = Stars(Enumerable.Range(1, 10), 4);
        var fakes = Enumerable.Range(0, 50).Select(f => ($"fake-{f}", (IReadOnlyDictionary<int, double>)new Dictionary<int, double>(Stars(Enumerable.Range(1, 10), 4)) { [13] = 5 }));
        var pool = NeighbourPool.Of(MovieLens(), CommunityRatings.Empty.With(fakes));

        var bounded = new UserBasedRecommender(pool.Matrix, new RecommenderOptions()).Recommend(person, 5);
        var unbounded = new UserBasedRecommender(pool.Matrix, new RecommenderOptions { CommunityEvidenceCap = double.PositiveInfinity }).Recommend(person, 5);

        Assert.DoesNotContain(13, bounded.Select(r => r.MovieId));
        Assert.Equal(13, unbounded[0].MovieId);
    }

    [Fact]
    public void Community_votes_reorder_films_MovieLens_neighbours_support()
    {
        // The defaults: similarity films in common ÷ (√(|yours|·|theirs|) + 5), vote similarity² × stars ÷ 5.
        // User 1 rated films 1–10 and gave 11 five stars (10/(√110 + 5) = 0.646, vote 0.417); user 5 rated
        // films 1–5 and gave 12 five stars (5/(√60 + 5) = 0.392, vote 0.154): MovieLens alone puts 11 first.
        // Three community profiles like the person's give 12 five stars (votes 3 × 0.417 = 1.25, under the
        // bound 10 × 0.154): 12 comes first.
        var person = Stars(Enumerable.Range(1, 10), 4);
        var builder = new RatingMatrixBuilder();
        foreach (var movie in Enumerable.Range(1, 10))
        {
            builder.Add(1, movie, 4);
        }

        builder.Add(1, 11, 5);
        foreach (var movie in Enumerable.Range(1, 5))
        {
            builder.Add(5, movie, 4);
        }

        builder.Add(5, 12, 5);
        var movieLens = builder.Build(Enumerable.Range(1, 20));
        var community = Enumerable.Range(0, 3).Select(f => ($"fan-{f}", (IReadOnlyDictionary<int, double>)new Dictionary<int, double>(Stars(Enumerable.Range(1, 10), 4)) { [12] = 5 }));

        var alone = new UserBasedRecommender(movieLens, new RecommenderOptions()).Recommend(person, 2);
        var joined = new UserBasedRecommender(NeighbourPool.Of(movieLens, CommunityRatings.Empty.With(community)).Matrix, new RecommenderOptions()).Recommend(person, 2);

        Assert.Equal([11, 12], alone.Select(r => r.MovieId));
        Assert.Equal([12, 11], joined.Select(r => r.MovieId));
    }

    /// <summary>User 1 rated films 1–10 (4 stars) and 11 (5); users 2–4 rated film 12 and a few others.</summary>
    private static RatingMatrix MovieLens()
    {
        var builder = new RatingMatrixBuilder();
        foreach (var movie in Enumerable.Range(1, 10))
        {
            builder.Add(1, movie, 4);
        }

        builder.Add(1, 11, 5);
        foreach (var user in new[] { 2, 3, 4 })
        {
            builder.Add(user, 12, 4);
            builder.Add(user, 13 + user, 3);
            builder.Add(user, user, 2);
        }

        return builder.Build(Enumerable.Range(1, 20));
    }

    private static Dictionary<int, double> Stars(IEnumerable<int> movies, double stars) => movies.ToDictionary(m => m, _ => stars);
}
