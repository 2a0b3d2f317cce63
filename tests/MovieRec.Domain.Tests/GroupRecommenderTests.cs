using MovieRec.Domain;
using MovieRec.Testing;

namespace MovieRec.Domain.Tests;

/// <summary>Groups of real ml-latest-small users, each member as the matrix has them (their own row left out of their neighbours).</summary>
public class GroupRecommenderTests
{
    private static readonly RatingMatrix Matrix = Repository.MovieLens.Ratings;
    private static readonly UserBasedRecommender Recommender = new(Matrix, new RecommenderOptions());
    private static readonly GroupRecommender Groups = new(Recommender);

    [Fact]
    public void A_group_of_one_on_the_plain_average_gets_that_persons_own_list()
    {
        var member = MemberOf(userIndex: 4);

        var picks = Groups.Recommend([member], 10, [], GroupStrategy.Average);

        Assert.Equal(Recommender.Rank(member.Profile, member.Self, 10), picks.Select(p => p.Movie));
    }

    [Fact]
    public void A_films_appeal_falls_with_its_place_on_a_members_own_list_as_ndcg_discounts_that_place()
    {
        // 1 / log2(place + 2): log2(2) = 1, log2(4) = 2, log2(8) = 3.
        Assert.Equal(1, GroupRecommender.AppealAt(0));
        Assert.Equal(0.5, GroupRecommender.AppealAt(2), 12);
        Assert.Equal(1.0 / 3, GroupRecommender.AppealAt(6), 12);
    }

    [Fact]
    public void On_the_average_each_members_favourite_beats_a_film_seventh_on_both_lists()
    {
        // Ann's first film (0), a film seventh for both (1), Ben's first film (2); off a list is 0.
        // Means: 1/2, 1/3, 1/2 — the favourites first, Ann's earlier. (The linear 1 … 1/100 scale put
        // the shared film first: 0.94 against 0.5.)
        var ann = new MemberView([GroupRecommender.AppealAt(0), GroupRecommender.AppealAt(6), 0], [4, 4, 4]);
        var ben = new MemberView([0, GroupRecommender.AppealAt(6), GroupRecommender.AppealAt(0)], [4, 4, 4]);

        Assert.Equal([0, 2, 1], GroupAggregation.Rank([ann, ben], 3, GroupStrategy.Average));
    }

    [Fact]
    public void No_film_any_member_rated_or_the_caller_excluded_is_picked()
    {
        var members = new[] { MemberOf(0), MemberOf(1), MemberOf(2) };
        var excluded = Recommender.Rank(members[0].Profile, members[0].Self, 5);

        var picks = Groups.Recommend(members, 20, excluded, GroupStrategy.AverageWithoutMisery);

        Assert.Equal(20, picks.Count);
        Assert.All(picks, pick =>
        {
            Assert.DoesNotContain(pick.Movie, excluded);
            Assert.All(members, m => Assert.DoesNotContain(pick.Movie, m.Profile.Movies));
        });
    }

    [Fact]
    public void Each_members_stars_are_that_members_own_prediction_and_nobody_is_below_three_where_enough_films_allow()
    {
        var members = new[] { MemberOf(10), MemberOf(20), MemberOf(30) };
        var own = members.Select(m => Recommender.ScoreAll(m.Profile, m.Self)).ToList();

        var picks = Groups.Recommend(members, 5, [], GroupStrategy.AverageWithoutMisery);

        Assert.Equal(5, picks.Count);
        Assert.All(picks, pick =>
        {
            Assert.Equal(own.Select(stars => stars[pick.Movie]), pick.MemberStars);
            Assert.All(pick.MemberStars, stars => Assert.True(stars >= GroupAggregation.MiseryStars, $"{stars} for movie {Matrix.MovieId(pick.Movie)}"));
            Assert.InRange(pick.InPersonalLists, 0, members.Length);
        });
    }

    [Fact]
    public void The_reason_says_how_the_group_is_predicted_to_like_it_and_whose_own_lists_have_it()
    {
        Assert.Equal(
            "Nobody is predicted below 3.5 stars (4.0 on average), and 2 of the 3 of you have it among your own top 100 picks.",
            GroupReason.Describe(new GroupPick(7, [3.5, 4.0, 4.5], 2)));
        Assert.Equal(
            "The best the group has left: 3.5 stars predicted on average, though one of you is predicted 2.5; both of you have it among your own top 100 picks.",
            GroupReason.Describe(new GroupPick(7, [2.5, 4.5], 2)));
    }

    private static GroupMember MemberOf(int userIndex)
    {
        var movies = Matrix.MoviesRatedBy(userIndex).ToArray();
        var stars = Matrix.StarsGivenBy(userIndex).ToArray();
        return new GroupMember(RatingProfile.FromIndices(movies, stars), userIndex);
    }
}
