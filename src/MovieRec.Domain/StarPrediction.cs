namespace MovieRec.Domain;

/// <summary>
/// How many stars a person would give a movie: their offset plus the movie's, plus the
/// similarity-weighted residuals of the k most similar users who rated it, shrunk toward 0.
/// </summary>
internal static class StarPrediction
{
    /// <summary>
    /// Fills, per movie, the similarity-weighted residual sum, the similarity sum and the number
    /// of neighbours over the k most similar users who rated it.
    /// </summary>
    public static void Accumulate(TrainedRatings trained, Neighbourhood neighbourhood, double[] weighted, double[] weights, int[] support)
    {
        var matrix = trained.Matrix;
        var movies = matrix.MovieCount;
        Array.Clear(weighted, 0, movies);
        Array.Clear(weights, 0, movies);
        Array.Clear(support, 0, movies);
        var k = trained.Options.Neighbours;
        var (neighbours, similarities) = neighbourhood.PredictionNeighbours;
        for (var n = 0; n < neighbours.Length; n++)
        {
            var user = neighbours[n];
            var similarity = similarities[n];
            var end = matrix.RowStart[user + 1];
            for (var p = matrix.RowStart[user]; p < end; p++)
            {
                var movie = matrix.RowMovie[p];
                if (support[movie] < k)
                {
                    weighted[movie] += similarity * trained.RowResidual[p];
                    weights[movie] += similarity;
                    support[movie]++;
                }
            }
        }
    }

    /// <summary>
    /// Predicted stars for every movie (indexed like the matrix); the fallback where no neighbour
    /// rated a movie (<see cref="Stars"/>).
    /// </summary>
    public static double[] ForEveryMovie(TrainedRatings trained, RatingProfile profile, int excludeUser)
    {
        var movies = trained.Matrix.MovieCount;
        var weighted = new double[movies];
        var weights = new double[movies];
        var support = new int[movies];
        var neighbourhood = Neighbourhood.Of(trained, profile, excludeUser);
        Accumulate(trained, neighbourhood, weighted, weights, support);
        var fallback = FallbackOffset(trained, profile, neighbourhood.Offset);
        var predicted = new double[movies];
        for (var m = 0; m < movies; m++)
        {
            predicted[m] = Stars(trained, neighbourhood.Offset, fallback, m, weighted[m], weights[m], support[m]);
        }

        return predicted;
    }

    /// <summary>
    /// The one place a prediction is made. With evidence (<paramref name="support"/> neighbours rated
    /// the movie) it is the offsets plus the similarity-weighted residuals, shrunk by λ; without any,
    /// the recommender cannot score the movie from neighbours and says so by falling back to the
    /// person's <paramref name="fallbackOffset"/> plus the movie's — never 0 ÷ λ, which is NaN at λ = 0.
    /// </summary>
    public static double Stars(TrainedRatings trained, double offset, double fallbackOffset, int movie, double weighted, double weights, int support) =>
        Clamp(support == 0
            ? fallbackOffset + trained.MovieOffset[movie]
            : offset + trained.MovieOffset[movie] + (weighted / (weights + trained.Options.PredictionShrinkage)));

    /// <summary>What a prediction without evidence starts from: the person's offset, or their mean when ratings are not centred.</summary>
    public static double FallbackOffset(TrainedRatings trained, RatingProfile profile, double offset) =>
        trained.Options.Centering == Centering.None ? Mean(profile) : offset;

    /// <summary>The person's own offset: the damped baseline, their mean, or 0, as the matrix is centred.</summary>
    public static double PersonOffset(TrainedRatings trained, RatingProfile profile)
    {
        switch (trained.Options.Centering)
        {
            case Centering.Baseline:
                var globalMean = trained.Matrix.GlobalMean;
                double residualSum = 0;
                for (var r = 0; r < profile.Count; r++)
                {
                    residualSum += profile.Stars[r] - globalMean - trained.MovieOffset[profile.Movies[r]];
                }

                return globalMean + residualSum / (trained.Options.UserBiasRegularisation + profile.Count);
            case Centering.UserMean:
                return Mean(profile);
            default:
                return 0;
        }
    }

    public static double Clamp(double stars) => Math.Clamp(stars, StarScale.Min, StarScale.Max);

    private static double Mean(RatingProfile profile)
    {
        if (profile.Count == 0)
        {
            return 0;
        }

        double sum = 0;
        foreach (var stars in profile.Stars)
        {
            sum += stars;
        }

        return sum / profile.Count;
    }
}
