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
    /// Predicted stars for every movie (indexed like the matrix). Where no neighbour rated a movie
    /// the prediction is the fallback: the person's baseline, or their mean when ratings are not
    /// baseline-centred.
    /// </summary>
    public static double[] ForEveryMovie(TrainedRatings trained, RatingProfile profile, int excludeUser)
    {
        var movies = trained.Matrix.MovieCount;
        var weighted = new double[movies];
        var weights = new double[movies];
        var support = new int[movies];
        var neighbourhood = Neighbourhood.Of(trained, profile, excludeUser);
        Accumulate(trained, neighbourhood, weighted, weights, support);
        var offset = neighbourhood.Offset;
        var fallbackOffset = trained.Options.Centering == Centering.None ? Mean(profile) : offset;
        var predicted = new double[movies];
        for (var m = 0; m < movies; m++)
        {
            predicted[m] = support[m] > 0
                ? Clamp(Predict(trained, offset, m, weighted[m], weights[m]))
                : Clamp(fallbackOffset + trained.MovieOffset[m]);
        }

        return predicted;
    }

    public static double Predict(TrainedRatings trained, double offset, int movie, double weighted, double weights) =>
        offset + trained.MovieOffset[movie] + weighted / (weights + trained.Options.PredictionShrinkage);

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
