using System.Buffers;

namespace MovieRec.Domain;

/// <summary>
/// User-based collaborative filtering with cosine similarity. Trained once per matrix: the
/// centred ratings (residuals) and each user's vector length are kept, so scoring a person is
/// a sparse dot product against every user plus one pass over the nearest users' rows.
/// Immutable and safe to share between threads.
/// </summary>
public sealed class UserBasedRecommender
{
    private readonly RatingMatrix _matrix;
    private readonly float[] _movieOffset;
    private readonly float[] _userOffset;
    private readonly float[] _rowResidual;
    private readonly float[] _columnResidual;
    private readonly float[] _userNorm;

    public UserBasedRecommender(RatingMatrix matrix, RecommenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _matrix = matrix;
        Options = options;

        (_userOffset, _movieOffset) = options.Centering switch
        {
            Centering.Baseline => FitBaseline(matrix, options),
            Centering.UserMean => (UserMeans(matrix), new float[matrix.MovieCount]),
            _ => (new float[matrix.UserCount], new float[matrix.MovieCount]),
        };

        _rowResidual = new float[matrix.RatingCount];
        _userNorm = new float[matrix.UserCount];
        for (var u = 0; u < matrix.UserCount; u++)
        {
            double squares = 0;
            for (var p = matrix.RowStart[u]; p < matrix.RowStart[u + 1]; p++)
            {
                var residual = matrix.RowStars[p] - _userOffset[u] - _movieOffset[matrix.RowMovie[p]];
                _rowResidual[p] = residual;
                squares += residual * residual;
            }

            _userNorm[u] = (float)Math.Sqrt(squares);
        }

        _columnResidual = new float[matrix.RatingCount];
        for (var p = 0; p < matrix.RatingCount; p++)
        {
            _columnResidual[p] = _rowResidual[matrix.ColumnEntry[p]];
        }
    }

    public RecommenderOptions Options { get; }

    public RatingMatrix Matrix => _matrix;

    /// <summary>
    /// The <paramref name="topN"/> movies the person has not rated with the highest predicted
    /// stars, best first, ties by movie id. Empty below <see cref="RecommendationRules.MinimumRatings"/>
    /// ratings, and movies fewer than <see cref="RecommenderOptions.MinSupport"/> neighbours rated are never picked.
    /// </summary>
    public IReadOnlyList<Recommendation> Recommend(IReadOnlyDictionary<int, double> starsByMovieId, int topN)
    {
        ArgumentNullException.ThrowIfNull(starsByMovieId);
        ArgumentOutOfRangeException.ThrowIfLessThan(topN, 1);
        if (starsByMovieId.Count < RecommendationRules.MinimumRatings)
        {
            return [];
        }

        return Recommend(RatingProfile.FromMovieIds(_matrix, starsByMovieId), excludeUser: -1, topN);
    }

    /// <summary>
    /// The ranking behind <see cref="Recommend(IReadOnlyDictionary{int, double}, int)"/> without the
    /// minimum-ratings rule; <paramref name="excludeUser"/> leaves one matrix user out of the neighbours.
    /// </summary>
    public IReadOnlyList<Recommendation> Recommend(RatingProfile profile, int excludeUser, int topN)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentOutOfRangeException.ThrowIfLessThan(topN, 1);
        var movies = _matrix.MovieCount;
        var weighted = ArrayPool<double>.Shared.Rent(movies);
        var weights = ArrayPool<double>.Shared.Rent(movies);
        var support = ArrayPool<int>.Shared.Rent(movies);
        try
        {
            var offset = Accumulate(profile, excludeUser, weighted, weights, support);
            foreach (var rated in profile.Movies)
            {
                support[rated] = 0;
            }

            return TopN(offset, weighted, weights, support, topN);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(weighted);
            ArrayPool<double>.Shared.Return(weights);
            ArrayPool<int>.Shared.Return(support);
        }
    }

    /// <summary>
    /// Predicted stars for every movie (indexed like the matrix), for evaluation. Where no
    /// neighbour rated a movie the prediction is the fallback: the person's baseline, or their
    /// mean when ratings are not baseline-centred. <paramref name="excludeUser"/> leaves one
    /// matrix user out of the neighbours (the person themself, when they are in the matrix).
    /// </summary>
    public ScoredMovies ScoreAll(RatingProfile profile, int excludeUser)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var movies = _matrix.MovieCount;
        var weighted = new double[movies];
        var weights = new double[movies];
        var support = new int[movies];
        var offset = Accumulate(profile, excludeUser, weighted, weights, support);
        var fallbackOffset = Options.Centering == Centering.None ? Mean(profile) : offset;
        var predicted = new double[movies];
        for (var m = 0; m < movies; m++)
        {
            predicted[m] = support[m] > 0
                ? Clamp(Predict(offset, m, weighted[m], weights[m]))
                : Clamp(fallbackOffset + _movieOffset[m]);
        }

        return new ScoredMovies(predicted, support);
    }

    /// <summary>What a matrix user's prediction falls back to for each movie: their offset plus the movie's.</summary>
    public double[] BaselineStars(int userIndex)
    {
        var stars = new double[_matrix.MovieCount];
        for (var m = 0; m < stars.Length; m++)
        {
            stars[m] = Clamp(_userOffset[userIndex] + _movieOffset[m]);
        }

        return stars;
    }

    /// <summary>
    /// Fills, per movie, the similarity-weighted residual sum, the similarity sum and the number
    /// of neighbours over the k most similar users who rated it. Returns the person's own offset.
    /// </summary>
    private double Accumulate(RatingProfile profile, int excludeUser, double[] weighted, double[] weights, int[] support)
    {
        var movies = _matrix.MovieCount;
        Array.Clear(weighted, 0, movies);
        Array.Clear(weights, 0, movies);
        Array.Clear(support, 0, movies);
        if (profile.Count == 0)
        {
            return 0;
        }

        var offset = PersonOffset(profile);
        var users = _matrix.UserCount;
        var dot = ArrayPool<double>.Shared.Rent(users);
        try
        {
            Array.Clear(dot, 0, users);
            double squares = 0;
            for (var r = 0; r < profile.Count; r++)
            {
                var movie = profile.Movies[r];
                var residual = profile.Stars[r] - offset - _movieOffset[movie];
                squares += residual * residual;
                var end = _matrix.ColumnStart[movie + 1];
                for (var p = _matrix.ColumnStart[movie]; p < end; p++)
                {
                    dot[_matrix.ColumnUser[p]] += residual * _columnResidual[p];
                }
            }

            if (squares == 0)
            {
                return offset;
            }

            var norm = Math.Sqrt(squares);
            var (neighbours, similarities) = MostSimilar(dot, norm, excludeUser);
            var k = Options.Neighbours;
            for (var n = 0; n < neighbours.Length; n++)
            {
                var user = neighbours[n];
                var similarity = similarities[n];
                var end = _matrix.RowStart[user + 1];
                for (var p = _matrix.RowStart[user]; p < end; p++)
                {
                    var movie = _matrix.RowMovie[p];
                    if (support[movie] < k)
                    {
                        weighted[movie] += similarity * _rowResidual[p];
                        weights[movie] += similarity;
                        support[movie]++;
                    }
                }
            }

            return offset;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(dot);
        }
    }

    /// <summary>The users above the minimum similarity, most similar first, at most the candidate pool.</summary>
    private (int[] Users, double[] Similarities) MostSimilar(double[] dot, double norm, int excludeUser)
    {
        // Negated so an ascending sort puts the most similar first.
        var negatedSimilarities = new List<double>();
        var users = new List<int>();
        for (var u = 0; u < _matrix.UserCount; u++)
        {
            if (dot[u] == 0 || u == excludeUser || _userNorm[u] == 0)
            {
                continue;
            }

            var similarity = dot[u] / (norm * _userNorm[u]);
            if (similarity > Options.MinSimilarity)
            {
                negatedSimilarities.Add(-similarity);
                users.Add(u);
            }
        }

        // Array.Sort is unstable but deterministic: the same ratings always give the same neighbours.
        var keys = negatedSimilarities.ToArray();
        var ids = users.ToArray();
        Array.Sort(keys, ids);
        var take = Math.Min(ids.Length, Options.CandidatePool);
        return (ids[..take], keys[..take].Select(k => -k).ToArray());
    }

    private List<Recommendation> TopN(double offset, double[] weighted, double[] weights, int[] support, int topN)
    {
        // Min-heap on (score, -movieId): the root is the weakest of the best so far.
        var best = new PriorityQueue<int, (double Score, int NegatedId)>(topN + 1);
        for (var m = 0; m < _matrix.MovieCount; m++)
        {
            if (support[m] < Options.MinSupport)
            {
                continue;
            }

            var key = (Predict(offset, m, weighted[m], weights[m]), -_matrix.MovieId(m));
            if (best.Count < topN)
            {
                best.Enqueue(m, key);
            }
            else if (best.TryPeek(out _, out var weakest) && key.CompareTo(weakest) > 0)
            {
                best.EnqueueDequeue(m, key);
            }
        }

        var picked = new List<Recommendation>(best.Count);
        while (best.TryDequeue(out var movie, out var key))
        {
            picked.Add(new Recommendation(_matrix.MovieId(movie), Clamp(key.Score), support[movie]));
        }

        picked.Reverse();
        return picked;
    }

    private double Predict(double offset, int movie, double weighted, double weights) =>
        offset + _movieOffset[movie] + weighted / (weights + Options.PredictionShrinkage);

    private double PersonOffset(RatingProfile profile)
    {
        switch (Options.Centering)
        {
            case Centering.Baseline:
                double residualSum = 0;
                for (var r = 0; r < profile.Count; r++)
                {
                    residualSum += profile.Stars[r] - _matrix.GlobalMean - _movieOffset[profile.Movies[r]];
                }

                return _matrix.GlobalMean + residualSum / (Options.UserBiasRegularisation + profile.Count);
            case Centering.UserMean:
                return Mean(profile);
            default:
                return 0;
        }
    }

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

    private static double Clamp(double stars) => Math.Clamp(stars, StarScale.Min, StarScale.Max);

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
