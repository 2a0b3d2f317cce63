namespace MovieRec.Domain;

/// <summary>
/// The next movie to offer in the rating flow: one of the films the person most likely saw, given
/// the films they rated and the films they skipped (<see cref="SeenChances"/>), from the first offer
/// on, so fewer "Haven't seen it" presses are needed before ten ratings. Rated and skipped movies
/// are never offered. The older draws (popularity × entropy first, then the neighbours' films) stay
/// as knobs for the simulation (docs/quality.md).
/// </summary>
public sealed class MovieOffer(MovieCatalog catalog, UserBasedRecommender recommender, UnratedMoviePicker picker)
{
    private readonly Lazy<FirstOffers> _firstOffers = new(() => new FirstOffers(recommender.Matrix));
    private readonly Lazy<SeenChances> _defaultChances = new(() => new SeenChances(recommender.Matrix));
    private readonly SeenChances? _chances;

    /// <summary>Whether offers follow <see cref="SeenChances"/> (the product); false for the older draws below.</summary>
    public bool BySeenChance { get; init; } = true;

    /// <summary>The chances offers follow: built from the recommender's matrix on first use, once per model, unless given.</summary>
    public SeenChances Chances { get => _chances ?? _defaultChances.Value; init => _chances = value; }

    /// <summary>
    /// How many of the films the person most likely saw a film shown on its own (the bot,
    /// /get_unrated_movie) is drawn from, evenly: the best few, so two calls may offer different
    /// films (docs/api.md) without giving away much of the chance of the best.
    /// </summary>
    public int SpreadOneAtATime { get; init; } = 3;

    /// <summary>
    /// Whether the neighbours' draw offers one of the <see cref="Spread"/> films with the highest weight
    /// (those the person most likely saw) instead of drawing at random in proportion to the weights.
    /// </summary>
    public bool MostLikelyFirst { get; init; } = true;

    /// <summary>
    /// How many of the best candidates an offer shown beside others is drawn from, evenly (and every
    /// offer of the older draws): twice the six the Mini App shows at once, so it finds a new one in
    /// a call or two.
    /// </summary>
    public int Spread { get; init; } = 12;

    /// <summary>The older draws: what is offered before the neighbours' draw can (popularity × entropy order, chosen by simulation, docs/quality.md).</summary>
    public FirstOfferDraw FirstOffers { get; init; } = FirstOfferDraw.PopularityTimesEntropy;

    /// <summary>The older draws: from this many ratings on, the offer is among the neighbours' films (chosen by simulation, docs/quality.md).</summary>
    public int RatingsBeforeNeighbours { get; init; } = 3;

    /// <summary>Each film's weight is (summed similarity of the neighbours who rated it)^this: above 1, the films most of them saw come up more.</summary>
    public double WeightPower { get; init; } = 3;

    /// <summary>
    /// A movie the person has neither rated nor skipped; null when none is left. <paramref name="answered"/>
    /// holds the films rated and skipped: those not in <paramref name="starsByMovieId"/> are the skips.
    /// <paramref name="self"/> is the person's own row in the matrix, or -1: never their own
    /// neighbour. <paramref name="shownTogether"/>: the film is shown beside others (the Mini App's
    /// six), so it is drawn from the wider <see cref="Spread"/>.
    /// </summary>
    public Movie? Pick(IReadOnlyDictionary<int, double> starsByMovieId, IReadOnlySet<int> answered, Random random, int self = -1, bool shownTogether = false)
    {
        ArgumentNullException.ThrowIfNull(starsByMovieId);
        ArgumentNullException.ThrowIfNull(answered);
        ArgumentNullException.ThrowIfNull(random);
        var matrix = recommender.Matrix;
        if (BySeenChance)
        {
            return PickBySeenChance(starsByMovieId, answered, random, self, shownTogether ? Spread : SpreadOneAtATime);
        }

        var excluded = answered.Select(id => matrix.TryGetMovieIndex(id, out var index) ? index : -1).Where(i => i >= 0).ToList();
        var drawn = DrawAmongLikelySeen(RatingProfile.FromMovieIds(matrix, starsByMovieId), excludeUser: self, excluded, random);
        return drawn >= 0 ? catalog.Get(matrix.MovieId(drawn)) : PickFirst(answered, random);
    }

    /// <summary>One of the <paramref name="spread"/> films the person most likely saw, evenly; null when every film is answered.</summary>
    private Movie? PickBySeenChance(IReadOnlyDictionary<int, double> starsByMovieId, IReadOnlySet<int> answered, Random random, int self, int spread)
    {
        var matrix = recommender.Matrix;
        var rated = new List<int>(starsByMovieId.Count);
        var skipped = new List<int>(answered.Count);
        foreach (var id in answered)
        {
            if (matrix.TryGetMovieIndex(id, out var index))
            {
                (starsByMovieId.ContainsKey(id) ? rated : skipped).Add(index);
            }
        }

        foreach (var id in starsByMovieId.Keys)
        {
            if (!answered.Contains(id) && matrix.TryGetMovieIndex(id, out var index))
            {
                rated.Add(index);
            }
        }

        var (movies, _) = Chances.Likeliest(rated, skipped, self, spread);
        return movies.Length > 0 && catalog.TryGet(matrix.MovieId(movies[random.Next(movies.Length)]), out var movie)
            ? movie
            : picker.Pick(answered, random); // every film the matrix knows is answered: the catalog's others, if any
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
