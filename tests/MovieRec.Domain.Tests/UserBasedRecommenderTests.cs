using MovieRec.Domain;

namespace MovieRec.Domain.Tests;

public class UserBasedRecommenderTests
{
    private static readonly RecommenderOptions RawCosine = new()
    {
        Centering = Centering.None,
        Neighbours = 2,
        MinSupport = 1,
        CandidatePool = 10,
        PredictionShrinkage = 0,
    };

    // The person rated 10→4 and 20→2: vector (4, 2, 0, 0), length √20.
    // u1 (5,3,4,0), length √50: dot 4·5 + 2·3 = 26.
    // u2 (1,5,0,2), length √30: dot 4·1 + 2·5 = 14.
    // u3 (0,4,2,5), length √45: dot 2·4 = 8.
    private static readonly double S1 = 26 / Math.Sqrt(20 * 50);
    private static readonly double S2 = 14 / Math.Sqrt(20 * 30);
    private static readonly double S3 = 8 / Math.Sqrt(20 * 45);

    [Fact]
    public void Raw_cosine_predicts_the_similarity_weighted_mean_of_the_k_nearest_raters()
    {
        var matrix = TinyMatrix.ThreeUsers();
        var recommender = new UserBasedRecommender(matrix, RawCosine);

        var picks = recommender.Recommend(TinyMatrix.Profile(matrix, (10, 4), (20, 2)), excludeUser: -1, topN: 5);

        // Movie 30: raters u1 (4 stars) and u3 (2 stars). Movie 40: u2 (2 stars) and u3 (5 stars).
        var expected30 = (S1 * 4 + S3 * 2) / (S1 + S3);
        var expected40 = (S2 * 2 + S3 * 5) / (S2 + S3);
        Assert.Equal([30, 40], picks.Select(p => p.MovieId));
        Assert.Equal(expected30, picks[0].Score, 6);
        Assert.Equal(expected40, picks[1].Score, 6);
        Assert.Equal([2, 2], picks.Select(p => p.Support));
    }

    [Fact]
    public void Only_the_k_most_similar_raters_of_a_movie_count()
    {
        var matrix = TinyMatrix.ThreeUsers();
        var recommender = new UserBasedRecommender(matrix, RawCosine with { Neighbours = 1 });

        var picks = recommender.Recommend(TinyMatrix.Profile(matrix, (10, 4), (20, 2)), excludeUser: -1, topN: 5);

        // k = 1: movie 30 comes from u1 alone (4 stars), movie 40 from u2 alone (2 stars).
        Assert.Equal([(30, 4.0), (40, 2.0)], picks.Select(p => (p.MovieId, Math.Round(p.Score, 9))));
    }

    [Fact]
    public void A_movie_with_fewer_neighbours_than_the_minimum_support_is_never_recommended()
    {
        var matrix = TinyMatrix.ThreeUsers();
        var profile = TinyMatrix.Profile(matrix, (10, 4), (20, 2));
        matrix.TryGetUserIndex(3, out var u3);

        // Without u3 each unrated movie has one neighbour.
        var strict = new UserBasedRecommender(matrix, RawCosine with { MinSupport = 2 });
        var lenient = new UserBasedRecommender(matrix, RawCosine);

        Assert.Empty(strict.Recommend(profile, excludeUser: u3, topN: 5));
        Assert.Equal([30, 40], lenient.Recommend(profile, excludeUser: u3, topN: 5).Select(p => p.MovieId));
    }

    [Fact]
    public void Mean_centred_cosine_ignores_users_whose_taste_runs_the_other_way()
    {
        var matrix = TinyMatrix.ThreeUsers();
        var recommender = new UserBasedRecommender(matrix, RawCosine with { Centering = Centering.UserMean });

        var picks = recommender.Recommend(TinyMatrix.Profile(matrix, (10, 4), (20, 2)), excludeUser: -1, topN: 5);

        // Means: person 3, u1 4, u2 8/3, u3 11/3. Person residuals (1, −1).
        // u1 residuals (1, −1, 0): cosine 1. u2 (−5/3, 7/3, ·, −2/3): dot −4 < 0. u3 (·, 1/3, −5/3, 4/3): dot −1/3 < 0.
        // Only u1 is a neighbour; movie 30 = 3 + (1·0)/1 = 3; movie 40 has no neighbour.
        var pick = Assert.Single(picks);
        Assert.Equal(30, pick.MovieId);
        Assert.Equal(3.0, pick.Score, 9);
        Assert.Equal(1, pick.Support);
    }

    [Fact]
    public void Shrinkage_pulls_a_thinly_supported_prediction_towards_the_baseline()
    {
        var matrix = TinyMatrix.ThreeUsers();
        var shrunk = new UserBasedRecommender(matrix, RawCosine with { Centering = Centering.UserMean, PredictionShrinkage = 1 });

        var profile = TinyMatrix.Profile(matrix, (20, 1), (30, 5));

        // Person mean 3, residuals 20→−2, 30→+2, length √8. u1 residuals 20→−1, 30→0: dot 2, cosine 2/(√8·√2) = 0.5.
        // u3 residuals 20→1/3, 30→−5/3: dot −4 < 0. u2 residual 20→7/3: dot −14/3 < 0.
        // Movie 10 from u1 (residual +1): 3 + 0.5·1/(0.5 + 1) = 3 + 1/3.
        var pick = Assert.Single(shrunk.Recommend(profile, excludeUser: -1, topN: 5));
        Assert.Equal(10, pick.MovieId);
        Assert.Equal(3 + 1.0 / 3, pick.Score, 6);
    }

    [Fact]
    public void Baseline_centring_fits_damped_user_and_movie_biases()
    {
        var builder = new RatingMatrixBuilder();
        builder.Add(1, 10, 5);
        builder.Add(1, 20, 3);
        builder.Add(2, 10, 3);
        var matrix = builder.Build();
        var options = new RecommenderOptions
        {
            Centering = Centering.Baseline,
            Neighbours = 1,
            MinSupport = 1,
            CandidatePool = 1,
            BaselineEpochs = 1,
            MovieBiasRegularisation = 0,
            UserBiasRegularisation = 0,
        };

        var recommender = new UserBasedRecommender(matrix, options);

        // μ = 11/3. One round, no damping: b10 = ((5−μ) + (3−μ))/2 = 1/3, b20 = 3 − μ = −2/3;
        // b_u1 = ((5−μ−1/3) + (3−μ+2/3))/2 = 1/2, b_u2 = 3 − μ − 1/3 = −1.
        const double mu = 11.0 / 3;
        Assert.Equal([mu + 0.5 + 1.0 / 3, mu + 0.5 - 2.0 / 3], recommender.BaselineStars(0), new RoundedComparer());
        Assert.Equal([mu - 1 + 1.0 / 3, mu - 1 - 2.0 / 3], recommender.BaselineStars(1), new RoundedComparer());
    }

    [Fact]
    public void Equal_predictions_are_ordered_by_movie_id_whatever_the_insertion_order()
    {
        var builder = new RatingMatrixBuilder();
        builder.Add(1, 10, 5);
        builder.Add(1, 40, 4);
        builder.Add(1, 30, 4);
        builder.Add(1, 35, 4);
        var recommender = new UserBasedRecommender(builder.Build(), RawCosine);

        var picks = recommender.Recommend(TinyMatrix.Profile(recommender.Matrix, (10, 5)), excludeUser: -1, topN: 3);

        Assert.Equal([30, 35, 40], picks.Select(p => p.MovieId));
    }

    [Fact]
    public void Ten_ratings_unlock_recommendations_and_nine_do_not()
    {
        // One MovieLens user rated movies 1..20; the person agrees on the first ones.
        var builder = new RatingMatrixBuilder();
        for (var movie = 1; movie <= 20; movie++)
        {
            builder.Add(1, movie, movie % 2 == 0 ? 5 : 3);
        }

        var recommender = new UserBasedRecommender(builder.Build(), RawCosine);
        Dictionary<int, double> RatedUpTo(int last) => Enumerable.Range(1, last).ToDictionary(m => m, m => m % 2 == 0 ? 5.0 : 3.0);

        Assert.Empty(recommender.Recommend(RatedUpTo(RecommendationRules.MinimumRatings - 1), topN: 3));
        Assert.Equal([12, 14, 16], recommender.Recommend(RatedUpTo(RecommendationRules.MinimumRatings), topN: 3).Select(p => p.MovieId));
    }

    [Fact]
    public void A_profile_that_rated_nothing_the_matrix_knows_gets_nothing()
    {
        var matrix = TinyMatrix.ThreeUsers();
        var recommender = new UserBasedRecommender(matrix, RawCosine);
        var unknown = Enumerable.Range(1, 12).ToDictionary(i => 5000 + i, _ => 5.0);

        Assert.Empty(recommender.Recommend(unknown, topN: 3));
    }

    private sealed class RoundedComparer : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-5;

        public int GetHashCode(double obj) => 0;
    }
}
