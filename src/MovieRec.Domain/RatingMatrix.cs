namespace MovieRec.Domain;

/// <summary>
/// The MovieLens ratings as compact immutable arrays: users and movies get dense indices,
/// each user's ratings are one row (CSR, sorted by movie index) and each movie's raters one
/// column (CSC). No object per rating, so 25M ratings stay a few hundred MB.
/// </summary>
public sealed class RatingMatrix
{
    private readonly int[] _userIds;
    private readonly int[] _movieIds;
    private readonly Dictionary<int, int> _movieIndexById;
    private readonly Dictionary<int, int> _userIndexById;

    // Row-major: ratings of user u are [RowStart[u], RowStart[u+1]).
    internal readonly int[] RowStart;
    internal readonly int[] RowMovie;
    internal readonly float[] RowStars;

    // Column-major: raters of movie m are [ColumnStart[m], ColumnStart[m+1]);
    // ColumnEntry points back at the same rating's position in the rows.
    internal readonly int[] ColumnStart;
    internal readonly int[] ColumnUser;
    internal readonly int[] ColumnEntry;

    private RatingMatrix(int[] userIds, int[] movieIds, int[] rowStart, int[] rowMovie, float[] rowStars)
    {
        _userIds = userIds;
        _movieIds = movieIds;
        RowStart = rowStart;
        RowMovie = rowMovie;
        RowStars = rowStars;
        _movieIndexById = IndexById(movieIds, "movie");
        _userIndexById = IndexById(userIds, "user");

        (ColumnStart, ColumnUser, ColumnEntry) = Transpose(movieIds.Length, rowStart, rowMovie);

        double sum = 0;
        foreach (var stars in rowStars)
        {
            sum += stars;
        }

        GlobalMean = rowStars.Length == 0 ? 0 : sum / rowStars.Length;
    }

    public int UserCount => _userIds.Length;

    public int MovieCount => _movieIds.Length;

    public int RatingCount => RowMovie.Length;

    /// <summary>Mean of every rating in the matrix.</summary>
    public double GlobalMean { get; }

    public int UserId(int userIndex) => _userIds[userIndex];

    public int MovieId(int movieIndex) => _movieIds[movieIndex];

    public bool TryGetMovieIndex(int movieId, out int movieIndex) => _movieIndexById.TryGetValue(movieId, out movieIndex);

    public bool TryGetUserIndex(int userId, out int userIndex) => _userIndexById.TryGetValue(userId, out userIndex);

    /// <summary>Movie indices rated by a user, ascending.</summary>
    public ReadOnlySpan<int> MoviesRatedBy(int userIndex) =>
        RowMovie.AsSpan(RowStart[userIndex], RowStart[userIndex + 1] - RowStart[userIndex]);

    /// <summary>The stars a user gave, aligned with <see cref="MoviesRatedBy"/>.</summary>
    public ReadOnlySpan<float> StarsGivenBy(int userIndex) =>
        RowStars.AsSpan(RowStart[userIndex], RowStart[userIndex + 1] - RowStart[userIndex]);

    /// <summary>How many users rated a movie.</summary>
    public int RatingCountOf(int movieIndex) => ColumnStart[movieIndex + 1] - ColumnStart[movieIndex];

    /// <summary>
    /// Builds the matrix from ratings given as dense indices into <paramref name="userIds"/> and
    /// <paramref name="movieIds"/>. A (user, movie) pair may appear once.
    /// </summary>
    public static RatingMatrix Create(
        int[] userIds,
        int[] movieIds,
        ReadOnlySpan<int> entryUser,
        ReadOnlySpan<int> entryMovie,
        ReadOnlySpan<float> entryStars)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        ArgumentNullException.ThrowIfNull(movieIds);
        if (entryUser.Length != entryMovie.Length || entryUser.Length != entryStars.Length)
        {
            throw new ArgumentException("Rating columns differ in length.");
        }

        var rowStart = new int[userIds.Length + 1];
        foreach (var user in entryUser)
        {
            if ((uint)user >= (uint)userIds.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(entryUser), $"User index {user} is outside 0..{userIds.Length - 1}.");
            }

            rowStart[user + 1]++;
        }

        for (var u = 0; u < userIds.Length; u++)
        {
            rowStart[u + 1] += rowStart[u];
        }

        var next = (int[])rowStart.Clone();
        var rowMovie = new int[entryUser.Length];
        var rowStars = new float[entryUser.Length];
        for (var e = 0; e < entryUser.Length; e++)
        {
            var movie = entryMovie[e];
            if ((uint)movie >= (uint)movieIds.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(entryMovie), $"Movie index {movie} is outside 0..{movieIds.Length - 1}.");
            }

            var at = next[entryUser[e]]++;
            rowMovie[at] = movie;
            rowStars[at] = entryStars[e];
        }

        for (var u = 0; u < userIds.Length; u++)
        {
            var start = rowStart[u];
            var length = rowStart[u + 1] - start;
            Array.Sort(rowMovie, rowStars, start, length);
            for (var p = start + 1; p < start + length; p++)
            {
                if (rowMovie[p] == rowMovie[p - 1])
                {
                    throw new InvalidDataException(
                        $"User {userIds[u]} rated movie {movieIds[rowMovie[p]]} more than once.");
                }
            }
        }

        return new RatingMatrix(userIds, movieIds, rowStart, rowMovie, rowStars);
    }

    /// <summary>
    /// Rebuilds a matrix from the row arrays of another (a snapshot): rows already sorted, each
    /// pair once. Only the shape is checked; the snapshot's own checksum vouches for the rest.
    /// </summary>
    internal static RatingMatrix FromRows(int[] userIds, int[] movieIds, int[] rowStart, int[] rowMovie, float[] rowStars)
    {
        if (rowStart.Length != userIds.Length + 1 || rowStart[^1] != rowMovie.Length || rowMovie.Length != rowStars.Length)
        {
            throw new InvalidDataException("The rating rows do not fit together.");
        }

        return new RatingMatrix(userIds, movieIds, rowStart, rowMovie, rowStars);
    }

    private static (int[] Start, int[] User, int[] Entry) Transpose(int movieCount, int[] rowStart, int[] rowMovie)
    {
        var columnStart = new int[movieCount + 1];
        foreach (var movie in rowMovie)
        {
            columnStart[movie + 1]++;
        }

        for (var m = 0; m < movieCount; m++)
        {
            columnStart[m + 1] += columnStart[m];
        }

        var next = (int[])columnStart.Clone();
        var columnUser = new int[rowMovie.Length];
        var columnEntry = new int[rowMovie.Length];
        for (var u = 0; u < rowStart.Length - 1; u++)
        {
            for (var p = rowStart[u]; p < rowStart[u + 1]; p++)
            {
                var at = next[rowMovie[p]]++;
                columnUser[at] = u;
                columnEntry[at] = p;
            }
        }

        return (columnStart, columnUser, columnEntry);
    }

    private static Dictionary<int, int> IndexById(int[] ids, string what)
    {
        var index = new Dictionary<int, int>(ids.Length);
        for (var i = 0; i < ids.Length; i++)
        {
            if (!index.TryAdd(ids[i], i))
            {
                throw new InvalidDataException($"The {what} id {ids[i]} appears twice.");
            }
        }

        return index;
    }
}
