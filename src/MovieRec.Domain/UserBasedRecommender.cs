using System.Buffers;

namespace MovieRec.Domain;

/// <summary>
/// User-based collaborative filtering with cosine similarity. Trained once per matrix
/// (<see cref="TrainedRatings"/>), so scoring a person is a sparse dot product against every
/// user (<see cref="Neighbourhood"/>) plus one pass over the nearest users' rows. Immutable and
/// safe to share between threads.
/// </summary>
/// <remarks>
/// Two questions, two answers. <em>How many stars would the person give it?</em> is the
/// baseline plus the similarity-weighted residuals of the k most similar raters
/// (<see cref="StarPrediction"/>: the <see cref="Recommendation.Score"/>, and what RMSE measures).
/// <em>What should be on the list?</em> is ranked by evidence (<see cref="EvidenceRanking"/>):
/// the summed similarity of the nearest neighbours who rated the movie, plus a small popularity
/// prior, which ranks far better than the predicted stars (docs/quality.md) and never leaves a
/// list short. Each pick's reason comes from <see cref="PickExplanation"/>.
/// </remarks>
public sealed class UserBasedRecommender
{
    /// <summary>A rating at or above this is "loved" in a reason.</summary>
    public const double LovedStars = 4.0;

    private readonly TrainedRatings _trained;

    public UserBasedRecommender(RatingMatrix matrix, RecommenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _trained = new TrainedRatings(matrix, options);
    }

    public RecommenderOptions Options => _trained.Options;

    public RatingMatrix Matrix => _trained.Matrix;

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
        var profile = RatingProfile.FromMovieIds(Matrix, starsByMovieId);
        if (profile.Count < RecommendationRules.MinimumRatings)
        {
            return [];
        }

        var excluded = new List<int>();
        foreach (var movieId in excludedMovieIds ?? Enumerable.Empty<int>())
        {
            if (Matrix.TryGetMovieIndex(movieId, out var index))
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
        var movies = Matrix.MovieCount;
        var weighted = ArrayPool<double>.Shared.Rent(movies);
        var weights = ArrayPool<double>.Shared.Rent(movies);
        var support = ArrayPool<int>.Shared.Rent(movies);
        try
        {
            var neighbourhood = Neighbourhood.Of(_trained, profile, excludeUser);
            StarPrediction.Accumulate(_trained, neighbourhood, weighted, weights, support);
            var favourites = PickExplanation.FavouritesOf(profile);
            var fallback = StarPrediction.FallbackOffset(_trained, profile, neighbourhood.Offset);
            return EvidenceRanking.Rank(_trained, neighbourhood, profile, topN, excludedMovies)
                .Select(movie => new Recommendation(
                    Matrix.MovieId(movie),
                    StarPrediction.Stars(_trained, neighbourhood.Offset, fallback, movie, weighted[movie], weights[movie], support[movie]),
                    PickExplanation.Explain(_trained, movie, favourites, neighbourhood.RankingNeighbours.Users)))
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
        return EvidenceRanking.Rank(_trained, Neighbourhood.Of(_trained, profile, excludeUser), profile, topN, excludedMovies);
    }

    /// <summary>
    /// Movies the person has probably seen, for the rating flow (<see cref="LikelySeenMovies"/>);
    /// never one of <paramref name="excludedMovies"/> (movie indices) or the person's own. Empty
    /// when no neighbour is found.
    /// </summary>
    public IReadOnlyList<(int Movie, double Weight)> LikelySeen(RatingProfile profile, int excludeUser, IReadOnlyCollection<int> excludedMovies)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(excludedMovies);
        return LikelySeenMovies.Of(_trained, profile, excludeUser, excludedMovies);
    }

    /// <summary>
    /// Predicted stars for every movie (indexed like the matrix), for evaluation; the fallback
    /// where no neighbour rated a movie. <paramref name="excludeUser"/> leaves one matrix user out
    /// of the neighbours (the person themself, when they are in the matrix).
    /// </summary>
    public double[] ScoreAll(RatingProfile profile, int excludeUser)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return StarPrediction.ForEveryMovie(_trained, profile, excludeUser);
    }

    /// <summary>What a matrix user's prediction falls back to for each movie: their offset plus the movie's.</summary>
    public double[] BaselineStars(int userIndex)
    {
        var stars = new double[Matrix.MovieCount];
        for (var m = 0; m < stars.Length; m++)
        {
            stars[m] = StarPrediction.Clamp(_trained.UserOffset[userIndex] + _trained.MovieOffset[m]);
        }

        return stars;
    }
}
