namespace MovieRec.Domain;

/// <summary>
/// The next movie to offer in the rating flow. Until the person has rated
/// <see cref="RatingsBeforeNeighbours"/> movies, the films most people saw and disagree about come
/// first (<see cref="FirstOffers"/>, popularity × entropy); from then on, the movie their nearest
/// neighbours (by who-rated-what cosine) rated with the most summed similarity — the films they most
/// likely saw, one of the best few at random — so fewer "Haven't seen it" presses are needed before ten ratings. Rated and skipped
/// movies are never offered. The older random draws stay as knobs for the simulation.
/// </summary>
public sealed class MovieOffer(MovieCatalog catalog, UserBasedRecommender recommender, UnratedMoviePicker picker)
{
    private readonly Lazy<FirstOffers> _firstOffers = new(() => new FirstOffers(recommender.Matrix));

    /// <summary>
    /// Whether the neighbours' draw offers one of the <see cref="Spread"/> films with the highest weight
    /// (those the person most likely saw) instead of drawing at random in proportion to the weights.
    /// </summary>
    public bool MostLikelyFirst { get; init; } = true;

    /// <summary>
    /// How many of the best candidates an offer is drawn from, evenly: the same moment does not always
    /// offer the same film (docs/api.md: two calls may offer different films), and twice the six the
    /// Mini App shows at once, so it finds a new one in a call or two.
    /// </summary>
    public int Spread { get; init; } = 12;

    /// <summary>What is offered before the neighbours' draw can: popularity × entropy order (chosen by simulation, docs/quality.md).</summary>
    public FirstOfferDraw FirstOffers { get; init; } = FirstOfferDraw.PopularityTimesEntropy;

    /// <summary>From this many ratings on, the offer is among the neighbours' films (chosen by simulation, docs/quality.md).</summary>
    public int RatingsBeforeNeighbours { get; init; } = 3;

    /// <summary>Each film's weight is (summed similarity of the neighbours who rated it)^this: above 1, the films most of them saw come up more.</summary>
    public double WeightPower { get; init; } = 3;

    /// <summary>
    /// A movie the person has neither rated nor skipped; null when none is left. <paramref name="self"/>
    /// is the person's own row in the matrix, or -1: never their own neighbour.
    /// </summary>
    public Movie? Pick(IReadOnlyDictionary<int, double> starsByMovieId, IReadOnlySet<int> answered, Random random, int self = -1)
    {
        ArgumentNullException.ThrowIfNull(starsByMovieId);
        ArgumentNullException.ThrowIfNull(answered);
        var matrix = recommender.Matrix;
        var excluded = answered.Select(id => matrix.TryGetMovieIndex(id, out var index) ? index : -1).Where(i => i >= 0).ToList();
        var drawn = DrawAmongLikelySeen(RatingProfile.FromMovieIds(matrix, starsByMovieId), excludeUser: self, excluded, random);
        return drawn >= 0 ? catalog.Get(matrix.MovieId(drawn)) : PickFirst(answered, random);
    }

    /// <summary>A film when the neighbours' draw has none: the next in popularity × entropy order, or a popularity-weighted draw.</summary>
    public Movie? PickFirst(IReadOnlySet<int> answered, Random random)
    {
        ArgumentNullException.ThrowIfNull(answered);
        if (FirstOffers == FirstOfferDraw.PopularityTimesEntropy
            && _firstOffers.Value.Leading(answered, Spread) is { Count: > 0 } leading
            && catalog.TryGet(leading[random.Next(leading.Count)], out var movie))
        {
            return movie;
        }

        return picker.Pick(answered, random);
    }

    /// <summary>
    /// The neighbours' draw (a movie index), or -1 when the person has too few ratings or the
    /// neighbours rated nothing left to offer. <paramref name="excludeUser"/> leaves a matrix user
    /// out of the neighbours (the person, in a simulation).
    /// </summary>
    public int DrawAmongLikelySeen(RatingProfile profile, int excludeUser, IReadOnlyCollection<int> excludedMovies, Random random)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(random);
        if (profile.Count < RatingsBeforeNeighbours)
        {
            return -1;
        }

        var likely = recommender.LikelySeen(profile, excludeUser, excludedMovies).Select(l => (l.Movie, Weight: Math.Pow(l.Weight, WeightPower))).ToList();
        var total = likely.Sum(l => l.Weight);
        if (total <= 0)
        {
            return -1;
        }

        if (MostLikelyFirst)
        {
            // Among the highest weights (lowest index among equals: the list is in movie-index order), evenly.
            var best = likely.Select((l, at) => (l.Movie, l.Weight, At: at)).OrderByDescending(l => l.Weight).ThenBy(l => l.At).Take(Spread).ToList();
            return best[random.Next(best.Count)].Movie;
        }

        var target = random.NextDouble() * total;
        foreach (var (movie, weight) in likely)
        {
            target -= weight;
            if (target < 0)
            {
                return movie;
            }
        }

        return likely[^1].Movie;
    }
}
