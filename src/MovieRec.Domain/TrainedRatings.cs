namespace MovieRec.Domain;

/// <summary>
/// What training keeps of a matrix: each user's and movie's offset, the centred ratings
/// (residuals) in row and column order, each user's vector length, and each movie's popularity
/// and mean stars. Immutable; the other parts of the recommender read it.
/// </summary>
internal sealed class TrainedRatings
{
    public TrainedRatings(RatingMatrix matrix, RecommenderOptions options)
    {
        Matrix = matrix;
        Options = options;
        UserMean = UserMeans(matrix);
        (UserOffset, MovieOffset) = options.Centering switch
        {
            Centering.Baseline => FitBaseline(matrix, options),
            Centering.UserMean => (UserMean, new float[matrix.MovieCount]),
            _ => (new float[matrix.UserCount], new float[matrix.MovieCount]),
        };

        RowResidual = new float[matrix.RatingCount];
        UserNorm = new float[matrix.UserCount];
        for (var u = 0; u < matrix.UserCount; u++)
        {
            double squares = 0;
            for (var p = matrix.RowStart[u]; p < matrix.RowStart[u + 1]; p++)
            {
                var residual = matrix.RowStars[p] - UserOffset[u] - MovieOffset[matrix.RowMovie[p]];
                RowResidual[p] = residual;
                squares += residual * residual;
            }

            UserNorm[u] = (float)Math.Sqrt(squares);
        }

        ColumnResidual = new float[matrix.RatingCount];
        for (var p = 0; p < matrix.RatingCount; p++)
        {
            ColumnResidual[p] = RowResidual[matrix.ColumnEntry[p]];
        }

        // The community's rows have negative ids (NeighbourPool); MovieLens's own are the trusted base.
        IsCommunity = new bool[matrix.UserCount];
        for (var u = 0; u < matrix.UserCount; u++)
        {
            IsCommunity[u] = matrix.UserId(u) < 0;
        }

        BoundsCommunity = !double.IsPositiveInfinity(options.CommunityEvidenceCap) && Array.IndexOf(IsCommunity, true) >= 0;
        (Popularity, MovieMean) = MovieStatistics(matrix, BoundsCommunity ? IsCommunity : null);
        FilmWeights = new FilmWeights(matrix, options.FilmWeighting, IsCommunity);
    }

    /// <summary>The weights of the ranking's who-rated-what cosine.</summary>
    public FilmWeights FilmWeights { get; }

    public RatingMatrix Matrix { get; }

    public RecommenderOptions Options { get; }

    public float[] UserMean { get; }

    /// <summary>What each user's ratings are centred on: the global mean plus their bias, their mean, or 0.</summary>
    public float[] UserOffset { get; }

    /// <summary>Each movie's bias (0 unless baseline-centred).</summary>
    public float[] MovieOffset { get; }

    public float[] RowResidual { get; }

    public float[] ColumnResidual { get; }

    public float[] UserNorm { get; }

    /// <summary>Each movie's share of the most-rated movie's raters: the ranking's prior.</summary>
    public float[] Popularity { get; }

    public float[] MovieMean { get; }

    public bool[] IsCommunity { get; }

    /// <summary>Whether the community's evidence is bounded by MovieLens's (there is a community and a finite cap).</summary>
    public bool BoundsCommunity { get; }

    private static float[] UserMeans(RatingMatrix matrix)
    {
        var means = new float[matrix.UserCount];
        for (var u = 0; u < matrix.UserCount; u++)
        {
            var stars = matrix.StarsGivenBy(u);
            double sum = 0;
            foreach (var s in stars)
            {
                sum += s;
            }

            means[u] = stars.Length == 0 ? 0 : (float)(sum / stars.Length);
        }

        return means;
    }

    /// <summary>
    /// Each movie's share of the most-rated movie's raters (the prior), and its mean stars. With
    /// <paramref name="leftOut"/>, those users' ratings do not count toward the prior, so a crowd of
    /// new profiles cannot make a movie popular.
    /// </summary>
    private static (float[] Popularity, float[] Mean) MovieStatistics(RatingMatrix matrix, bool[]? leftOut)
    {
        var popularity = new float[matrix.MovieCount];
        var mean = new float[matrix.MovieCount];
        var raters = new int[matrix.MovieCount];
        var most = 1;
        for (var m = 0; m < matrix.MovieCount; m++)
        {
            for (var p = matrix.ColumnStart[m]; p < matrix.ColumnStart[m + 1]; p++)
            {
                if (leftOut is null || !leftOut[matrix.ColumnUser[p]])
                {
                    raters[m]++;
                }
            }

            most = Math.Max(most, raters[m]);
        }

        for (var m = 0; m < matrix.MovieCount; m++)
        {
            var count = matrix.RatingCountOf(m);
            popularity[m] = (float)raters[m] / most;
            double sum = 0;
            for (var p = matrix.ColumnStart[m]; p < matrix.ColumnStart[m + 1]; p++)
            {
                sum += matrix.RowStars[matrix.ColumnEntry[p]];
            }

            mean[m] = count == 0 ? 0 : (float)(sum / count);
        }

        return (popularity, mean);
    }

    /// <summary>
    /// Damped user and movie biases by alternating least squares (Koren 2010, as Surprise's
    /// BaselineOnly does): the user offset is global mean + user bias, the movie offset the movie bias.
    /// </summary>
    private static (float[] UserOffset, float[] MovieOffset) FitBaseline(RatingMatrix matrix, RecommenderOptions options)
    {
        var mean = matrix.GlobalMean;
        var userBias = new double[matrix.UserCount];
        var movieBias = new double[matrix.MovieCount];
        for (var epoch = 0; epoch < options.BaselineEpochs; epoch++)
        {
            for (var m = 0; m < matrix.MovieCount; m++)
            {
                double sum = 0;
                for (var p = matrix.ColumnStart[m]; p < matrix.ColumnStart[m + 1]; p++)
                {
                    sum += matrix.RowStars[matrix.ColumnEntry[p]] - mean - userBias[matrix.ColumnUser[p]];
                }

                movieBias[m] = sum / (options.MovieBiasRegularisation + matrix.RatingCountOf(m));
            }

            for (var u = 0; u < matrix.UserCount; u++)
            {
                double sum = 0;
                for (var p = matrix.RowStart[u]; p < matrix.RowStart[u + 1]; p++)
                {
                    sum += matrix.RowStars[p] - mean - movieBias[matrix.RowMovie[p]];
                }

                userBias[u] = sum / (options.UserBiasRegularisation + (matrix.RowStart[u + 1] - matrix.RowStart[u]));
            }
        }

        var userOffset = new float[matrix.UserCount];
        for (var u = 0; u < userOffset.Length; u++)
        {
            userOffset[u] = (float)(mean + userBias[u]);
        }

        return (userOffset, Array.ConvertAll(movieBias, b => (float)b));
    }
}
