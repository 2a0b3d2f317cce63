namespace MovieRec.Domain;

/// <summary>
/// MovieLens's genres ("Action|Sci-Fi"): the valid names, and which films have which. Each film's
/// genres are held as one bit mask, built once per catalogue, so "a film of any of these genres" is
/// a mask AND and nothing is kept per list of genres a caller asks for (docs/security.md).
/// </summary>
public sealed class GenreIndex
{
    /// <summary>The most genres a catalogue may have: one bit each of a <see cref="long"/>. MovieLens has 19.</summary>
    public const int MaxGenres = 64;

    private const string NoGenre = "(no genres listed)";

    private readonly string[] _names;
    private readonly int[] _films;
    private readonly long[] _masks;

    public GenreIndex(IEnumerable<Movie> movies)
    {
        ArgumentNullException.ThrowIfNull(movies);
        var catalogue = movies.ToList();
        _names = [.. catalogue.SelectMany(Of).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)];
        if (_names.Length > MaxGenres)
        {
            throw new ArgumentException($"The catalogue has {_names.Length} genres; at most {MaxGenres} are supported.", nameof(movies));
        }

        _films = [.. catalogue.Select(m => m.Id)];
        _masks = [.. catalogue.Select(m => MaskOf(Of(m)))];
    }

    /// <summary>Every genre name, as MovieLens spells it, in alphabetical order.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>A film's genres as MovieLens lists them; none for "(no genres listed)".</summary>
    public static IReadOnlyList<string> Of(Movie movie)
    {
        ArgumentNullException.ThrowIfNull(movie);
        return movie.Genres == NoGenre ? [] : movie.Genres.Split('|', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The name as MovieLens spells it ("sci-fi" → "Sci-Fi"); false for an unknown genre.</summary>
    public bool TryResolve(string name, out string genre)
    {
        genre = Names.FirstOrDefault(n => string.Equals(n, name?.Trim(), StringComparison.OrdinalIgnoreCase)) ?? "";
        return genre.Length > 0;
    }

    /// <summary>
    /// The films of none of <paramref name="genres"/> (names as <see cref="TryResolve"/> gives them):
    /// what a list of those genres leaves out. Worked out afresh for each call from the films' masks.
    /// </summary>
    public IReadOnlySet<int> FilmsNotOf(IReadOnlyCollection<string> genres)
    {
        ArgumentNullException.ThrowIfNull(genres);
        var wanted = MaskOf(genres);
        var outside = new HashSet<int>();
        for (var i = 0; i < _films.Length; i++)
        {
            if ((_masks[i] & wanted) == 0)
            {
                outside.Add(_films[i]);
            }
        }

        return outside;
    }

    private long MaskOf(IEnumerable<string> genres)
    {
        var mask = 0L;
        foreach (var genre in genres)
        {
            var bit = Array.FindIndex(_names, n => string.Equals(n, genre, StringComparison.OrdinalIgnoreCase));
            mask |= bit >= 0 ? 1L << bit : throw new KeyNotFoundException($"'{genre}' is not a genre of this catalogue.");
        }

        return mask;
    }
}
