using MovieRec.Domain;

namespace MovieRec.Domain.Tests;

/// <summary>The predicted stars (the recommendation's score and what RMSE measures), worked out by hand.</summary>
public class StarPredictionTests
{
    private static readonly RecommenderOptions RawCosine = new()
    {
        Centering = Centering.None,
        Neighbours = 2,
        CandidatePool = 10,
        RankingNeighbours = 10,
        PredictionShrinkage = 0,
        SimilarityShrinkage = 0,
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
        var predicted = Predicted(RawCosine, (10, 4), (20, 2));

        // Movie 30: raters u1 (4 stars) and u3 (2 stars). Movie 40: u2 (2 stars) and u3 (5 stars).
        Assert.Equal((S1 * 4 + S3 * 2) / (S1 + S3), predicted[30], 6);
        Assert.Equal((S2 * 2 + S3 * 5) / (S2 + S3), predicted[40], 6);
    }

    [Fact]
    public void Only_the_k_most_similar_raters_of_a_movie_count()
    {
        var predicted = Predicted(RawCosine with { Neighbours = 1 }, (10, 4), (20, 2));

        // k = 1: movie 30 comes from u1 alone (4 stars), movie 40 from u2 alone (2 stars).
        Assert.Equal(4.0, predicted[30], 9);
        Assert.Equal(2.0, predicted[40], 9);
    }

    [Fact]
    public void Cosine_over_movies_in_common_is_shrunk_by_how_many_there_are()
    {
        var predicted = Predicted(RawCosine with { SimilarityShrinkage = 1 }, (10, 4), (20, 2));

        // In common with u1: 10 and 20, dot 26, lengths √(16+4) and √(25+9); n = 2 → × 2/3.
        // In common with u3: 20 only, dot 8, lengths 2 and 4 → cosine 1; n = 1 → × 1/2.
        var s1 = 26 / Math.Sqrt(20 * 34) * 2 / 3;
        const double s3 = 0.5;
        Assert.Equal((s1 * 4 + s3 * 2) / (s1 + s3), predicted[30], 6);
    }

    [Fact]
    public void Mean_centred_cosine_ignores_users_whose_taste_runs_the_other_way()
    {
        var predicted = Predicted(RawCosine with { Centering = Centering.UserMean }, (10, 4), (20, 2));

        // Means: person 3, u1 4, u2 8/3, u3 11/3. Person residuals (1, −1).
        // u1 residuals (1, −1, 0): cosine 1. u2 and u3 have negative dots: not neighbours.
        // Movie 30 = 3 + (1·0)/1 = 3. Movie 40 has no neighbour: the person's mean, 3, untouched by u2's or u3's residuals.
        Assert.Equal(3.0, predicted[30], 9);
        Assert.Equal(3.0, predicted[40], 9);
    }

    [Fact]
    public void Shrinkage_pulls_a_thinly_supported_prediction_towards_the_baseline()
    {
        var predicted = Predicted(RawCosine with { Centering = Centering.UserMean, PredictionShrinkage = 1 }, (20, 1), (30, 5));

        // Person mean 3, residuals 20→−2, 30→+2, length √8. u1 residuals 20→−1, 30→0: dot 2, cosine 2/(√8·√2) = 0.5.
        // Movie 10 from u1 (residual +1): 3 + 0.5·1/(0.5 + 1) = 3 + 1/3.
        Assert.Equal(3 + 1.0 / 3, predicted[10], 6);
    }

    [Fact]
    public void Baseline_centring_fits_damped_user_and_movie_biases()
    {
        var builder = new RatingMatrixBuilder();
        builder.Add(1, 10, 5);
        builder.Add(1, 20, 3);
        builder.Add(2, 10, 3);
        var options = new RecommenderOptions
        {
            Centering = Centering.Baseline,
            Neighbours = 1,
            RankingNeighbours = 1,
            CandidatePool = 1,
            BaselineEpochs = 1,
            MovieBiasRegularisation = 0,
            UserBiasRegularisation = 0,
        };

        var recommender = new UserBasedRecommender(builder.Build(), options);

        // μ = 11/3. One round, no damping: b10 = ((5−μ) + (3−μ))/2 = 1/3, b20 = 3 − μ = −2/3;
        // b_u1 = ((5−μ−1/3) + (3−μ+2/3))/2 = 1/2, b_u2 = 3 − μ − 1/3 = −1.
        const double mu = 11.0 / 3;
        Assert.Equal([mu + 0.5 + 1.0 / 3, mu + 0.5 - 2.0 / 3], recommender.BaselineStars(0), new RoundedComparer());
        Assert.Equal([mu - 1 + 1.0 / 3, mu - 1 - 2.0 / 3], recommender.BaselineStars(1), new RoundedComparer());
    }

    [Fact]
    public void A_listed_movie_no_neighbour_rated_is_scored_at_the_fallback_not_from_nothing()
    {
        // u1 rated 1→4, 2→5; u2 rated 3→2; nobody rated 4. The person rated 1→4: u1 is their only
        // neighbour (raw cosine 16 ÷ (4·√41) > 0). Without shrinkage (λ = 0) the old score of a film
        // without evidence was 0 + 0 ÷ (0 + 0) = NaN.
        var builder = new RatingMatrixBuilder();
        builder.Add(1, 1, 4);
        builder.Add(1, 2, 5);
        builder.Add(2, 3, 2);
        var matrix = builder.Build(allMovieIds: [1, 2, 3, 4]);
        var recommender = new UserBasedRecommender(matrix, RawCosine with { Neighbours = 1, RankingNeighbours = 2 });

        var picks = recommender.Recommend(TinyMatrix.Profile(matrix, (1, 4)), excludeUser: -1, topN: 3).ToDictionary(p => p.MovieId, p => p.Score);

        // Movie 2: u1's 5 stars, weighted by its similarity over itself: 5. Movies 3 and 4: no neighbour
        // rated them, so the person's mean (4) plus a movie offset of 0 (raw stars are not centred).
        Assert.Equal(5.0, picks[2], 9);
        Assert.Equal(4.0, picks[3], 9);
        Assert.Equal(4.0, picks[4], 9);
    }

    /// <summary>The predicted stars for every movie of <see cref="TinyMatrix.ThreeUsers"/>, by movie id.</summary>
    private static Dictionary<int, double> Predicted(RecommenderOptions options, params (int MovieId, double Stars)[] ratings)
    {
        var matrix = TinyMatrix.ThreeUsers();
        var predicted = new UserBasedRecommender(matrix, options).ScoreAll(TinyMatrix.Profile(matrix, ratings), excludeUser: -1);
        return Enumerable.Range(0, matrix.MovieCount).ToDictionary(matrix.MovieId, m => predicted[m]);
    }

    private sealed class RoundedComparer : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-5;

        public int GetHashCode(double obj) => 0;
    }
}
