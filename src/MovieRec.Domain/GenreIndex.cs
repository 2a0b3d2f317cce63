namespace MovieRec.Domain;

/// <summary>MovieLens's genres ("Action|Sci-Fi"): the valid names, and which films have which.</summary>
public sealed class GenreIndex
{
    private const string NoGenre = "(no genres listed)";

    private readonly Dictionary<string, HashSet<int>> _filmsByGenre;
    private readonly int[] _allFilms;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlySet<int>> _filmsNotOf = new(StringComparer.Ordinal);

    public GenreIndex(IEnumerable<Movie> movies)
    {
        ArgumentNullException.ThrowIfNull(movies);
        _filmsByGenre = new Dictionary<string, HashSet<int>>(StringComparer.OrdinalIgnoreCase);
        foreach (var movie in movies)
        {
            foreach (var genre in Of(movie))
            {
                if (!_filmsByGenre.TryGetValue(genre, out var films))
                {
                    _filmsByGenre[genre] = films = [];
                }

                films.Add(movie.Id);
            }
        }

        Names = [.. _filmsByGenre.Keys.Order(StringComparer.Ordinal)];
        _allFilms = [.. _filmsByGenre.Values.SelectMany(f => f).Distinct()];
    }

    /// <summary>Every genre name, as MovieLens spells it, in alphabetical order.</summary>
    public IReadOnlyList<string> Names { get; }

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
    /// what a list of those genres leaves out. Kept per combination asked for, since the same few
    /// come again and again.
    /// </summary>
    public IReadOnlySet<int> FilmsNotOf(IReadOnlyCollection<string> genres)
    {
        ArgumentNullException.ThrowIfNull(genres);
        return _filmsNotOf.GetOrAdd(string.Join('|', genres.Order(StringComparer.Ordinal)), _ =>
        {
            var outside = new HashSet<int>(_allFilms);
            foreach (var genre in genres)
            {
                outside.ExceptWith(_filmsByGenre[genre]);
            }

            return outside;
        });
    }
}
