namespace MovieRec.Domain;

/// <summary>
/// Picks a movie a person has not rated, at random, weighted by how many MovieLens ratings it
/// has, so people are mostly shown films they are likely to know. Thread-safe.
/// </summary>
public sealed class UnratedMoviePicker
{
    private const int Attempts = 64;

    private readonly MovieCatalog _catalog;
    private readonly int[] _movieIds;
    private readonly long[] _cumulative;

    public UnratedMoviePicker(MovieCatalog catalog, RatingMatrix matrix)
    {
        _catalog = catalog;
        _movieIds = catalog.Movies.Select(m => m.Id).ToArray();
        _cumulative = new long[_movieIds.Length];
        long total = 0;
        for (var i = 0; i < _movieIds.Length; i++)
        {
            total += matrix.TryGetMovieIndex(_movieIds[i], out var index) ? matrix.RatingCountOf(index) : 0;
            _cumulative[i] = total;
        }
    }

    /// <summary>A weighted random unrated movie; null when the person has rated every movie.</summary>
    public Movie? Pick(IReadOnlySet<int> ratedMovieIds, Random random)
    {
        ArgumentNullException.ThrowIfNull(ratedMovieIds);
        ArgumentNullException.ThrowIfNull(random);
        var total = _cumulative[^1];
        if (total > 0)
        {
            // Most people have rated a sliver of the catalog: a few draws find an unrated movie.
            for (var attempt = 0; attempt < Attempts; attempt++)
            {
                var id = _movieIds[IndexAt(random.NextInt64(total))];
                if (!ratedMovieIds.Contains(id))
                {
                    return Get(id);
                }
            }
        }

        return PickAmongUnrated(ratedMovieIds, random);
    }

    /// <summary>The exact draw over what is left, for people who rated most popular movies.</summary>
    private Movie? PickAmongUnrated(IReadOnlySet<int> rated, Random random)
    {
        var unrated = new List<(int Id, long Weight)>();
        long total = 0;
        for (var i = 0; i < _movieIds.Length; i++)
        {
            if (!rated.Contains(_movieIds[i]))
            {
                var weight = _cumulative[i] - (i == 0 ? 0 : _cumulative[i - 1]);
                unrated.Add((_movieIds[i], weight));
                total += weight;
            }
        }

        if (unrated.Count == 0)
        {
            return null;
        }

        if (total == 0)
        {
            // Only movies nobody in MovieLens rated are left: any of them.
            return Get(unrated[random.Next(unrated.Count)].Id);
        }

        var target = random.NextInt64(total);
        foreach (var (id, weight) in unrated)
        {
            if (target < weight)
            {
                return Get(id);
            }

            target -= weight;
        }

        throw new InvalidOperationException("The weights do not add up.");
    }

    private int IndexAt(long target)
    {
        // First index whose cumulative weight exceeds the target.
        int low = 0, high = _cumulative.Length - 1;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (_cumulative[mid] > target)
            {
                high = mid;
            }
            else
            {
                low = mid + 1;
            }
        }

        return low;
    }

    private Movie Get(int id) => _catalog.Get(id);
}
