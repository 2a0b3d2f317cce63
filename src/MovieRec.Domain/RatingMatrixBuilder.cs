namespace MovieRec.Domain;

/// <summary>Collects ratings by MovieLens ids, then builds a <see cref="RatingMatrix"/>.</summary>
public sealed class RatingMatrixBuilder
{
    private readonly List<int> _userIds = [];
    private readonly List<int> _movieIds = [];
    private readonly List<float> _stars = [];

    public int Count => _stars.Count;

    public void Add(int userId, int movieId, float stars)
    {
        _userIds.Add(userId);
        _movieIds.Add(movieId);
        _stars.Add(stars);
    }

    /// <summary>
    /// Builds the matrix. <paramref name="allMovieIds"/> fixes the movie universe (every catalog
    /// movie gets an index, rated or not); without it, the rated movies are the universe.
    /// </summary>
    public RatingMatrix Build(IEnumerable<int>? allMovieIds = null)
    {
        var users = _userIds.Distinct().Order().ToArray();
        var movies = (allMovieIds ?? _movieIds).Distinct().Order().ToArray();
        var userIndex = IndexOf(users);
        var movieIndex = IndexOf(movies);

        var entryUser = new int[_stars.Count];
        var entryMovie = new int[_stars.Count];
        for (var e = 0; e < _stars.Count; e++)
        {
            entryUser[e] = userIndex[_userIds[e]];
            if (!movieIndex.TryGetValue(_movieIds[e], out entryMovie[e]))
            {
                throw new InvalidDataException($"Movie {_movieIds[e]} is rated but not in the catalog.");
            }
        }

        return RatingMatrix.Create(users, movies, entryUser, entryMovie, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_stars));
    }

    private static Dictionary<int, int> IndexOf(int[] ids)
    {
        var index = new Dictionary<int, int>(ids.Length);
        for (var i = 0; i < ids.Length; i++)
        {
            index[ids[i]] = i;
        }

        return index;
    }
}
