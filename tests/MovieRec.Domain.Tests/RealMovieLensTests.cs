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
    public void Ten_well_known_ratings_get_unrated_movies_with_imdb_urls_and_scores()
    {
        var picks = Recommender.Recommend(WellKnown, topN: 3);

        Assert.Equal(3, picks.Count);
        Assert.All(picks, pick =>
        {
            Assert.DoesNotContain(pick.MovieId, WellKnown.Keys);
            Assert.True(Repository.MovieLens.Catalog.TryGet(pick.MovieId, out var movie));
            Assert.Matches(@"^https://www\.imdb\.com/title/tt\d{7,8}/$", movie.Url);
            Assert.InRange(pick.Score, StarScale.Min, StarScale.Max);
            Assert.True(pick.Support >= Recommender.Options.MinSupport);
        });
        Assert.Equal(picks.OrderByDescending(p => p.Score).ThenBy(p => p.MovieId), picks);
    }

    [Fact]
    public void The_same_ratings_get_the_same_answer_every_time()
    {
        var first = Recommender.Recommend(WellKnown, topN: 20);
        var reordered = WellKnown.Reverse().ToDictionary(r => r.Key, r => r.Value);

        Assert.Equal(first, Recommender.Recommend(WellKnown, topN: 20));
        Assert.Equal(first, Recommender.Recommend(reordered, topN: 20));
        Assert.Equal(first, new UserBasedRecommender(Repository.MovieLens.Ratings, new RecommenderOptions()).Recommend(WellKnown, topN: 20));
    }

    [Fact]
    public void Concurrent_requests_share_one_recommender_safely()
    {
        var expected = Recommender.Recommend(WellKnown, topN: 10);

        var answers = Enumerable.Range(0, 64).AsParallel().Select(_ => Recommender.Recommend(WellKnown, topN: 10)).ToList();

        Assert.All(answers, answer => Assert.Equal(expected, answer));
    }
}
