using System.Buffers;

namespace MovieRec.Domain;

/// <summary>
/// User-based collaborative filtering with cosine similarity. Trained once per matrix: the
/// centred ratings (residuals), each user's vector lengths and each movie's popularity are kept,
/// so scoring a person is a sparse dot product against every user plus one pass over the
/// nearest users' rows. Immutable and safe to share between threads.
/// </summary>
/// <remarks>
/// Two questions, two answers. <em>How many stars would the person give it?</em> is the
/// baseline plus the similarity-weighted residuals of the k most similar raters (the
/// <see cref="Recommendation.Score"/>, and what RMSE measures). <em>What should be on the
/// list?</em> is ranked by evidence: the summed similarity of the nearest neighbours who rated
/// the movie, plus a small popularity prior, which ranks far better than the predicted stars
/// (docs/quality.md) and never leaves a list short.
/// </remarks>
public sealed class UserBasedRecommender
{
    /// <summary>A rating at or above this is "loved" in a reason.</summary>
    public const double LovedStars = 4.0;

    private const int MaxSharedFavourites = 3;

    private readonly RatingMatrix _matrix;
    private readonly float[] _movieOffset;
    private readonly float[] _userOffset;
    private readonly float[] _userMean;
    private readonly float[] _rowResidual;
    private readonly float[] _columnResidual;
    private readonly float[] _userNorm;
    private readonly float[] _popularity;
    private readonly float[] _movieMean;
    private readonly bool[] _isCommunity;
    private readonly bool _boundsCommunity;

    public UserBasedRecommender(RatingMatrix matrix, RecommenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _matrix = matrix;
        Options = options;

        _userMean = UserMeans(matrix);
        (_userOffset, _movieOffset) = options.Centering switch
        {
            Centering.Baseline => FitBaseline(matrix, options),
            Centering.UserMean => (_userMean, new float[matrix.MovieCount]),
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

        // The community's rows have negative ids (NeighbourPool); MovieLens's own are the trusted base.
        _isCommunity = new bool[matrix.UserCount];
        for (var u = 0; u < matrix.UserCount; u++)
        {
            _isCommunity[u] = matrix.UserId(u) < 0;
        }

        _boundsCommunity = !double.IsPositiveInfinity(options.CommunityEvidenceCap) && Array.IndexOf(_isCommunity, true) >= 0;
        (_popularity, _movieMean) = MovieStatistics(matrix, _boundsCommunity ? _isCommunity : null);
    }

    public RecommenderOptions Options { get; }

    public RatingMatrix Matrix => _matrix;

    /// <summary>
    /// The product's question: the <paramref name="topN"/> best movies for a person who rated
    /// <paramref name="starsByMovieId"/>, never one they rated or one of <paramref name="excludedMovieIds"/>.
    /// Empty below <see cref="RecommendationRules.MinimumRatings"/> ratings of movies the matrix
    /// knows; from there on always <paramref name="topN"/> long, unless fewer movies are left.
    /// <paramref name="self"/> is the person's own row in the matrix when they are in it (-1 when
    /// not): never their own neighbour.
    /// </summary>
    public IReadOnlyList<Recommendation> Recommend(
        IReadOnlyDictionary<int, double> starsByMovieId,
        int topN,
        IReadOnlySet<int>? excludedMovieIds = null,
        int self = -1)
    {
        ArgumentNullException.ThrowIfNull(starsByMovieId);
        ArgumentOutOfRangeException.ThrowIfLessThan(topN, 1);
        var profile = RatingProfile.FromMovieIds(_matrix, starsByMovieId);
        if (profile.Count < RecommendationRules.MinimumRatings)
        {
            return [];
        }

        var excluded = new List<int>();
        foreach (var movieId in excludedMovieIds ?? Enumerable.Empty<int>())
        {
            if (_matrix.TryGetMovieIndex(movieId, out var index))
            {
                excluded.Add(index);
            }
        }

        return Recommend(profile, excludeUser: self, topN, excluded);
    }

    /// <summary>
    /// The ranking behind <see cref="Recommend(IReadOnlyDictionary{int, double}, int, IReadOnlySet{int}, int)"/>
    /// without the minimum-ratings rule. <paramref name="excludeUser"/> leaves one matrix user out of
    /// the neighbours; <paramref name="excludedMovies"/> are movie indices never to pick.
    /// </summary>
    public IReadOnlyList<Recommendation> Recommend(RatingProfile profile, int excludeUser, int topN, IReadOnlyCollection<int>? excludedMovies = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentOutOfRangeException.ThrowIfLessThan(topN, 1);
        var movies = _matrix.MovieCount;
        var weighted = ArrayPool<double>.Shared.Rent(movies);
        var weights = ArrayPool<double>.Shared.Rent(movies);
        var support = ArrayPool<int>.Shared.Rent(movies);
        try
        {
            var neighbourhood = Neighbourhood.Of(this, profile, excludeUser);
            Accumulate(neighbourhood, weighted, weights, support);
            var favourites = FavouritesOf(profile);
            return Rank(neighbourhood, profile, topN, excludedMovies)
                .Select(movie => new Recommendation(
                    _matrix.MovieId(movie),
                    Clamp(Predict(neighbourhood.Offset, movie, weighted[movie], weights[movie])),
                    Explain(movie, favourites, neighbourhood.RankingNeighbours.Users)))
                .ToList();
        }
        finally
        {
            ArrayPool<double>.Shared.Return(weighted);
            ArrayPool<double>.Shared.Return(weights);
            ArrayPool<int>.Shared.Return(support);
        }
    }

    /// <summary>
    /// The movie indices <see cref="Recommend(RatingProfile, int, int, IReadOnlyCollection{int})"/>
    /// would pick, best first, without their scores and reasons (what offline evaluation ranks).
    /// </summary>
    public IReadOnlyList<int> Rank(RatingProfile profile, int excludeUser, int topN, IReadOnlyCollection<int>? excludedMovies = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentOutOfRangeException.ThrowIfLessThan(topN, 1);
        return Rank(Neighbourhood.Of(this, profile, excludeUser), profile, topN, excludedMovies);
    }

    /// <summary>
    /// Movies the person has probably seen, for the rating flow: those their ranking neighbours
    /// rated (whatever the stars), each weighted by the summed similarity of the neighbours who
    /// rated it; never one of <paramref name="excludedMovies"/> (movie indices) or the person's own.
    /// Empty when no neighbour is found.
    /// </summary>
    public IReadOnlyList<(int Movie, double Weight)> LikelySeen(RatingProfile profile, int excludeUser, IReadOnlyCollection<int> excludedMovies)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(excludedMovies);
        var weight = new Dictionary<int, double>();
        var (users, similarities) = Neighbourhood.Of(this, profile, excludeUser).RankingNeighbours;
        var excluded = new HashSet<int>(excludedMovies);
        excluded.UnionWith(profile.Movies);
        for (var n = 0; n < users.Length; n++)
        {
            foreach (var movie in _matrix.MoviesRatedBy(users[n]))
            {
                if (!excluded.Contains(movie))
                {
                    weight[movie] = weight.GetValueOrDefault(movie) + similarities[n];
                }
            }
        }

        return weight.OrderBy(w => w.Key).Select(w => (w.Key, w.Value)).ToList();
    }

    private List<int> Rank(Neighbourhood neighbourhood, RatingProfile profile, int topN, IReadOnlyCollection<int>? excludedMovies)
    {
        var evidence = ArrayPool<double>.Shared.Rent(_matrix.MovieCount);
        try
        {
            AccumulateEvidence(neighbourhood.RankingNeighbours, evidence);

            // Rated and excluded movies get -∞, which is never picked.
            foreach (var rated in profile.Movies)
            {
                evidence[rated] = double.NegativeInfinity;
            }

            foreach (var movie in excludedMovies ?? [])
            {
                evidence[movie] = double.NegativeInfinity;
            }

            return Best(evidence, topN);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(evidence);
        }
    }

    /// <summary>
    /// Predicted stars for every movie (indexed like the matrix), for evaluation. Where no
    /// neighbour rated a movie the prediction is the fallback: the person's baseline, or their
    /// mean when ratings are not baseline-centred. <paramref name="excludeUser"/> leaves one
    /// matrix user out of the neighbours (the person themself, when they are in the matrix).
    /// </summary>
    public double[] ScoreAll(RatingProfile profile, int excludeUser)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var movies = _matrix.MovieCount;
        var weighted = new double[movies];
        var weights = new double[movies];
        var support = new int[movies];
        var neighbourhood = Neighbourhood.Of(this, profile, excludeUser);
        Accumulate(neighbourhood, weighted, weights, support);
        var offset = neighbourhood.Offset;
        var fallbackOffset = Options.Centering == Centering.None ? Mean(profile) : offset;
        var predicted = new double[movies];
        for (var m = 0; m < movies; m++)
        {
            predicted[m] = support[m] > 0
                ? Clamp(Predict(offset, m, weighted[m], weights[m]))
                : Clamp(fallbackOffset + _movieOffset[m]);
        }

        return predicted;
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
    /// of neighbours over the k most similar users who rated it.
    /// </summary>
    private void Accumulate(Neighbourhood neighbourhood, double[] weighted, double[] weights, int[] support)
    {
        var movies = _matrix.MovieCount;
        Array.Clear(weighted, 0, movies);
        Array.Clear(weights, 0, movies);
        Array.Clear(support, 0, movies);
        var k = Options.Neighbours;
        var (neighbours, similarities) = neighbourhood.PredictionNeighbours;
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
    }

    /// <summary>
    /// The ranking score of every movie: the ranking neighbours' votes (similarity^power, damped
    /// by the movie's popularity) plus the popularity prior that orders what they did not vote on.
    /// The community's votes for a movie count up to <see cref="RecommenderOptions.CommunityEvidenceCap"/>
    /// times MovieLens's own neighbours' votes for it.
    /// </summary>
    private void AccumulateEvidence((int[] Users, double[] Similarities) ranking, double[] evidence)
    {
        var movies = _matrix.MovieCount;
        var prior = Options.PriorWeight;
        var community = _boundsCommunity ? ArrayPool<double>.Shared.Rent(movies) : evidence;
        try
        {
            for (var m = 0; m < movies; m++)
            {
                evidence[m] = _boundsCommunity ? 0 : prior * _popularity[m];
            }

            if (_boundsCommunity)
            {
                Array.Clear(community, 0, movies);
            }

            var (users, similarities) = ranking;
            var likedOnly = Options.EvidenceFrom == EvidenceFrom.RatersWhoLikedIt;
            for (var n = 0; n < users.Length; n++)
            {
                var user = users[n];
                var votes = _isCommunity[user] ? community : evidence;
                var vote = Math.Pow(similarities[n], Options.SimilarityPower);
                var end = _matrix.RowStart[user + 1];
                for (var p = _matrix.RowStart[user]; p < end; p++)
                {
                    if (!likedOnly || _matrix.RowStars[p] >= _userMean[user])
                    {
                        votes[_matrix.RowMovie[p]] += vote * DampingOf(_matrix.RowMovie[p]);
                    }
                }
            }

            if (_boundsCommunity)
            {
                var cap = Options.CommunityEvidenceCap;
                for (var m = 0; m < movies; m++)
                {
                    evidence[m] = (prior * _popularity[m]) + evidence[m] + Math.Min(community[m], cap * evidence[m]);
                }
            }
        }
        finally
        {
            if (_boundsCommunity)
            {
                ArrayPool<double>.Shared.Return(community);
            }
        }
    }

    private double DampingOf(int movie) =>
        Options.PopularityDamping == 0 ? 1 : Math.Pow(Math.Max(1, _matrix.RatingCountOf(movie)), -Options.PopularityDamping);

    /// <summary>The indices of the <paramref name="topN"/> highest finite scores, best first; ties go to the lower movie id.</summary>
    private List<int> Best(double[] score, int topN)
    {
        // Min-heap on (score, -movieId): the root is the weakest of the best so far.
        var best = new PriorityQueue<int, (double Score, int NegatedId)>(topN + 1);
        for (var m = 0; m < _matrix.MovieCount; m++)
        {
            if (double.IsNegativeInfinity(score[m]))
            {
                continue;
            }

            var key = (score[m], -_matrix.MovieId(m));
            if (best.Count < topN)
            {
                best.Enqueue(m, key);
            }
            else if (best.TryPeek(out _, out var weakest) && key.CompareTo(weakest) > 0)
            {
                best.EnqueueDequeue(m, key);
            }
        }

        var picked = new List<int>(best.Count);
        while (best.TryDequeue(out var movie, out _))
        {
            picked.Add(movie);
        }

        picked.Reverse();
        return picked;
    }

    /// <summary>The person's movies rated <see cref="LovedStars"/> or more, with their stars.</summary>
    private static List<(int Movie, float Stars)> FavouritesOf(RatingProfile profile)
    {
        var favourites = new List<(int Movie, float Stars)>();
        for (var r = 0; r < profile.Count; r++)
        {
            if (profile.Stars[r] >= LovedStars)
            {
                favourites.Add((profile.Movies[r], profile.Stars[r]));
            }
        }

        return favourites;
    }

    /// <summary>The numbers behind a pick, read from the ranking neighbours' rows.</summary>
    private RecommendationEvidence Explain(int movie, List<(int Movie, float Stars)> favourites, int[] neighbours)
    {
        var alsoLoved = new int[favourites.Count];
        var raters = 0;
        double stars = 0;
        foreach (var user in neighbours)
        {
            if (StarsOf(user, movie) is not { } given)
            {
                continue;
            }

            raters++;
            stars += given;
            if (given < LovedStars)
            {
                continue;
            }

            for (var f = 0; f < favourites.Count; f++)
            {
                if (StarsOf(user, favourites[f].Movie) >= LovedStars)
                {
                    alsoLoved[f]++;
                }
            }
        }

        var shared = favourites
            .Select((favourite, f) => new SharedFavourite(_matrix.MovieId(favourite.Movie), favourite.Stars, alsoLoved[f]))
            .Where(s => s.AlsoLovedBy > 0)
            .OrderByDescending(s => s.AlsoLovedBy)
            .ThenByDescending(s => s.YourStars)
            .ThenBy(s => s.MovieId)
            .Take(MaxSharedFavourites)
            .ToList();
        return new RecommendationEvidence(
            neighbours.Length,
            raters,
            raters == 0 ? 0 : stars / raters,
            shared,
            _matrix.RatingCountOf(movie),
            _movieMean[movie]);
    }

    /// <summary>The stars a matrix user gave a movie, or null; rows are sorted by movie index.</summary>
    private float? StarsOf(int user, int movie)
    {
        var start = _matrix.RowStart[user];
        var at = Array.BinarySearch(_matrix.RowMovie, start, _matrix.RowStart[user + 1] - start, movie);
        return at >= 0 ? _matrix.RowStars[at] : null;
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

    /// <summary>
    /// One person's similarity to every matrix user, computed in one pass over the columns of the
    /// movies they rated: the neighbours that predict stars and the neighbours that rank.
    /// </summary>
    private sealed class Neighbourhood
    {
        private Neighbourhood(double offset, (int[], double[]) prediction, (int[], double[]) ranking)
        {
            Offset = offset;
            PredictionNeighbours = prediction;
            RankingNeighbours = ranking;
        }

        /// <summary>The person's own offset (baseline or mean) the residuals are taken from.</summary>
        public double Offset { get; }

        /// <summary>The most similar users by centred cosine, most similar first, at most the candidate pool.</summary>
        public (int[] Users, double[] Similarities) PredictionNeighbours { get; }

        /// <summary>The K most similar users by the ranking's cosine, most similar first.</summary>
        public (int[] Users, double[] Similarities) RankingNeighbours { get; }

        public static Neighbourhood Of(UserBasedRecommender model, RatingProfile profile, int excludeUser)
        {
            var matrix = model._matrix;
            var options = model.Options;
            var offset = model.PersonOffset(profile);
            if (profile.Count == 0)
            {
                return new Neighbourhood(offset, ([], []), ([], []));
            }

            var users = matrix.UserCount;
            var dot = ArrayPool<double>.Shared.Rent(users);
            var overlap = ArrayPool<int>.Shared.Rent(users);
            var coRated = options.SimilarityShrinkage > 0;
            var personSquares = coRated ? ArrayPool<double>.Shared.Rent(users) : [];
            var userSquares = coRated ? ArrayPool<double>.Shared.Rent(users) : [];
            try
            {
                Array.Clear(dot, 0, users);
                Array.Clear(overlap, 0, users);
                if (coRated)
                {
                    Array.Clear(personSquares, 0, users);
                    Array.Clear(userSquares, 0, users);
                }

                double squares = 0;
                for (var r = 0; r < profile.Count; r++)
                {
                    var movie = profile.Movies[r];
                    var residual = profile.Stars[r] - offset - model._movieOffset[movie];
                    squares += residual * residual;
                    var end = matrix.ColumnStart[movie + 1];
                    for (var p = matrix.ColumnStart[movie]; p < end; p++)
                    {
                        var user = matrix.ColumnUser[p];
                        var theirs = model._columnResidual[p];
                        dot[user] += residual * theirs;
                        overlap[user]++;
                        if (coRated)
                        {
                            personSquares[user] += residual * residual;
                            userSquares[user] += theirs * theirs;
                        }
                    }
                }

                var norm = Math.Sqrt(squares);
                var shrinkage = options.SimilarityShrinkage;
                var centred = MostSimilar(users, excludeUser, options.MinSimilarity, options.CandidatePool, coRated
                    ? u => dot[u] == 0 ? 0 : dot[u] / Math.Sqrt(personSquares[u] * userSquares[u]) * overlap[u] / (overlap[u] + shrinkage)
                    : u => dot[u] == 0 || norm == 0 || model._userNorm[u] == 0 ? 0 : dot[u] / (norm * model._userNorm[u]));
                Func<int, double> whoRatedWhat = u => overlap[u] == 0 ? 0 : overlap[u] / Math.Sqrt((double)profile.Count * matrix.MoviesRatedBy(u).Length);
                var ranking = options.RankingSimilarity == RankingSimilarity.CentredRatings
                    ? (centred.Users[..Math.Min(centred.Users.Length, options.RankingNeighbours)],
                        centred.Similarities[..Math.Min(centred.Users.Length, options.RankingNeighbours)])
                    : model._boundsCommunity
                        // MovieLens's nearest and the community's nearest, each their own K: the
                        // community's evidence is bounded by MovieLens's (AccumulateEvidence), so it must
                        // not also crowd MovieLens's neighbours out.
                        ? Merged(
                            MostSimilar(users, excludeUser, options.MinSimilarity, options.RankingNeighbours, u => model._isCommunity[u] ? 0 : whoRatedWhat(u)),
                            MostSimilar(users, excludeUser, options.MinSimilarity, options.RankingNeighbours, u => model._isCommunity[u] ? whoRatedWhat(u) : 0))
                        : MostSimilar(users, excludeUser, options.MinSimilarity, options.RankingNeighbours, whoRatedWhat);
                return new Neighbourhood(offset, centred, ranking);
            }
            finally
            {
                ArrayPool<double>.Shared.Return(dot);
                ArrayPool<int>.Shared.Return(overlap);
                if (coRated)
                {
                    ArrayPool<double>.Shared.Return(personSquares);
                    ArrayPool<double>.Shared.Return(userSquares);
                }
            }
        }

        /// <summary>Two neighbour lists as one, most similar first (ties by user index).</summary>
        private static (int[] Users, double[] Similarities) Merged((int[] Users, double[] Similarities) a, (int[] Users, double[] Similarities) b)
        {
            var users = a.Users.Concat(b.Users).ToArray();
            var similarities = a.Similarities.Concat(b.Similarities).ToArray();
            var order = Enumerable.Range(0, users.Length).OrderByDescending(i => similarities[i]).ThenBy(i => users[i]).ToArray();
            return (order.Select(i => users[i]).ToArray(), order.Select(i => similarities[i]).ToArray());
        }

        /// <summary>The users above the minimum similarity, most similar first (ties by user index), at most <paramref name="take"/>.</summary>
        private static (int[] Users, double[] Similarities) MostSimilar(int users, int excludeUser, double minimum, int take, Func<int, double> similarityOf)
        {
            // A bounded min-heap keeps the best `take` seen so far: the root is the weakest
            // (lowest similarity, then highest index), so the result does not depend on scan order.
            var best = new PriorityQueue<int, (double Similarity, int NegatedUser)>(take + 1);
            for (var u = 0; u < users; u++)
            {
                if (u == excludeUser)
                {
                    continue;
                }

                var similarity = similarityOf(u);
                if (similarity <= minimum)
                {
                    continue;
                }

                if (best.Count < take)
                {
                    best.Enqueue(u, (similarity, -u));
                }
                else if (best.TryPeek(out _, out var weakest) && (similarity, -u).CompareTo(weakest) > 0)
                {
                    best.EnqueueDequeue(u, (similarity, -u));
                }
            }

            var ids = new int[best.Count];
            var similarities = new double[best.Count];
            for (var i = ids.Length - 1; i >= 0; i--)
            {
                best.TryDequeue(out ids[i], out var key);
                similarities[i] = key.Similarity;
            }

            return (ids, similarities);
        }
    }
}
