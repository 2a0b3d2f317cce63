using MovieRec.Domain;
using MovieRec.Testing;

namespace MovieRec.Domain.Tests;

/// <summary>The recommender on the real ml-latest-small (fetched by scripts/test.sh).</summary>
public class RealMovieLensTests
{
    // Toy Story, Star Wars IV/V/VI, The Matrix, Terminator 2, Raiders, Jurassic Park, 12 Monkeys, The Usual Suspects.
    private static readonly Dictionary<int, double> WellKnown = new()
    {
        [1] = 5, [260] = 5, [1196] = 5, [1210] = 4.5, [2571] = 5, [589] = 4, [1240] = 4, [480] = 3.5, [32] = 4, [50] = 5,
    };

    private static readonly UserBasedRecommender Recommender = new(Repository.MovieLens.Ratings, new RecommenderOptions());

    [Fact]
    public void The_dataset_has_the_published_counts()
    {
        var (catalog, matrix) = Repository.MovieLens;

        Assert.Equal((9742, 9742, 610, 100836), (catalog.Count, matrix.MovieCount, matrix.UserCount, matrix.RatingCount));
        Assert.Equal(9724, Enumerable.Range(0, matrix.MovieCount).Count(m => matrix.RatingCountOf(m) > 0));
    }

    [Fact]
    public void Ten_well_known_ratings_get_unrated_movies_with_imdb_urls_scores_and_reasons()
    {
        var picks = Recommender.Recommend(WellKnown, topN: 3);

        Assert.Equal(3, picks.Count);
        Assert.All(picks, pick =>
        {
            Assert.DoesNotContain(pick.MovieId, WellKnown.Keys);
            Assert.Matches(@"^https://www\.imdb\.com/title/tt\d{7,8}/$", Repository.MovieLens.Catalog.Get(pick.MovieId).Url);
            Assert.InRange(pick.Score, StarScale.Min, StarScale.Max);
            // Well-known films: many of the person's 35 nearest neighbours (the ranking's K) rated each pick.
            Assert.InRange(pick.Evidence.NeighbourRaters, 10, 35);
            Assert.StartsWith($"{pick.Evidence.NeighbourRaters} of the 35 people whose taste is closest to yours rated it", RecommendationReason.Describe(pick.Evidence, Repository.MovieLens.Catalog), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void The_same_ratings_get_the_same_answer_every_time()
    {
        var first = Answer(Recommender, WellKnown, topN: 20);
        var reordered = WellKnown.Reverse().ToDictionary(r => r.Key, r => r.Value);

        Assert.Equal(first, Answer(Recommender, WellKnown, topN: 20));
        Assert.Equal(first, Answer(Recommender, reordered, topN: 20));
        Assert.Equal(first, Answer(new UserBasedRecommender(Repository.MovieLens.Ratings, new RecommenderOptions()), WellKnown, topN: 20));
    }

    [Fact]
    public void Concurrent_requests_share_one_recommender_safely()
    {
        var expected = Answer(Recommender, WellKnown, topN: 10);

        var answers = Enumerable.Range(0, 64).AsParallel().Select(_ => Answer(Recommender, WellKnown, topN: 10)).ToList();

        Assert.All(answers, answer => Assert.Equal(expected, answer));
    }

    /// <summary>What a person sees of a list: the movies, their scores and their reasons.</summary>
    private static List<(int MovieId, double Score, string Reason)> Answer(UserBasedRecommender recommender, Dictionary<int, double> ratings, int topN) =>
        recommender.Recommend(ratings, topN).Select(p => (p.MovieId, p.Score, RecommendationReason.Describe(p.Evidence, Repository.MovieLens.Catalog))).ToList();
}
