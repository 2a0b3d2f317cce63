namespace MovieRec.Domain;

/// <summary>
/// The next movie to offer in the rating flow. The first few draws are popularity-weighted
/// random (<see cref="UnratedMoviePicker"/>); once the person has rated
/// <see cref="RatingsBeforeNeighbours"/> movie(s), the draw is among the movies their nearest
/// neighbours (by who-rated-what cosine) rated, weighted by how many of them, and how similar,
/// did — films the person has likely seen, so fewer "Haven't seen it" presses are needed. Still
/// random, so the flow keeps asking about different films. Rated and skipped movies are never offered.
/// </summary>
public sealed class MovieOffer(MovieCatalog catalog, UserBasedRecommender recommender, UnratedMoviePicker picker)
{
    /// <summary>From this many ratings on, the draw is among the neighbours' films (chosen by simulation, docs/quality.md).</summary>
    public int RatingsBeforeNeighbours { get; init; } = 1;

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
        return drawn >= 0 ? catalog.Get(matrix.MovieId(drawn)) : picker.Pick(answered, random);
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
