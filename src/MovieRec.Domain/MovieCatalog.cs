using System.Diagnostics.CodeAnalysis;

namespace MovieRec.Domain;

/// <summary>Every movie of the dataset, by id. Immutable once built.</summary>
public sealed class MovieCatalog
{
    private readonly Dictionary<int, Movie> _byId;

    public MovieCatalog(IEnumerable<Movie> movies)
    {
        _byId = new Dictionary<int, Movie>();
        foreach (var movie in movies)
        {
            if (!_byId.TryAdd(movie.Id, movie))
            {
                throw new InvalidDataException($"Movie id {movie.Id} appears twice in the catalog.");
            }
        }

        Movies = [.. _byId.Values.OrderBy(m => m.Id)];
    }

    /// <summary>All movies, ordered by id.</summary>
    public IReadOnlyList<Movie> Movies { get; }

    public int Count => Movies.Count;

    public bool TryGet(int movieId, [MaybeNullWhen(false)] out Movie movie) => _byId.TryGetValue(movieId, out movie);

    /// <summary>A movie known to be in the catalog (it came from this dataset's matrix); an unknown id is a bug.</summary>
    public Movie Get(int movieId) =>
        _byId.TryGetValue(movieId, out var movie) ? movie : throw new KeyNotFoundException($"Movie {movieId} is not in the catalog.");

    public bool Contains(int movieId) => _byId.ContainsKey(movieId);
}
