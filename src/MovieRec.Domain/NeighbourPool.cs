namespace MovieRec.Domain;

/// <summary>
/// Everyone a person can be compared with: the MovieLens users, then the community's members,
/// in one <see cref="RatingMatrix"/>. Members get negative user ids (-1, -2, …) so they never
/// collide with MovieLens's, and are found again by chat id, so that a person is left out of
/// their own neighbours.
/// </summary>
public sealed class NeighbourPool
{
    private readonly Dictionary<string, int> _userIndexByChatId;

    private NeighbourPool(RatingMatrix matrix, Dictionary<string, int> userIndexByChatId)
    {
        Matrix = matrix;
        _userIndexByChatId = userIndexByChatId;
    }

    public RatingMatrix Matrix { get; }

    /// <summary>How many of <see cref="Matrix"/>'s users are the app's own.</summary>
    public int AppUsers => _userIndexByChatId.Count;

    /// <summary>The chat's row in <see cref="Matrix"/>, or -1 when the chat is not in the pool.</summary>
    public int UserIndexOf(string chatId) => _userIndexByChatId.GetValueOrDefault(chatId, -1);

    public static NeighbourPool Of(RatingMatrix movieLens) => new(movieLens, new Dictionary<string, int>(StringComparer.Ordinal));

    /// <summary>
    /// MovieLens's rows followed by one row per member. Ratings of movies MovieLens does not know
    /// are dropped, and a member left with fewer than <see cref="RecommendationRules.MinimumRatings"/> is not added.
    /// </summary>
    public static NeighbourPool Of(RatingMatrix movieLens, CommunityRatings community)
    {
        ArgumentNullException.ThrowIfNull(movieLens);
        ArgumentNullException.ThrowIfNull(community);
        // Arrays sized for everyone up front (25M ratings are too many to grow lists for);
        // members who turn out to have too few known films leave their tail unused.
        var capacity = movieLens.RatingCount + community.RatingCount;
        var userIds = new int[movieLens.UserCount + community.UserCount];
        var rowStart = new int[userIds.Length + 1];
        var rowMovie = new int[capacity];
        var rowStars = new float[capacity];
        movieLens.RowStart.AsSpan().CopyTo(rowStart);
        movieLens.RowMovie.AsSpan().CopyTo(rowMovie);
        movieLens.RowStars.AsSpan().CopyTo(rowStars);
        for (var u = 0; u < movieLens.UserCount; u++)
        {
            userIds[u] = movieLens.UserId(u);
        }

        var users = movieLens.UserCount;
        var end = movieLens.RatingCount;
        var indexByChatId = new Dictionary<string, int>(community.UserCount, StringComparer.Ordinal);
        foreach (var member in community.Members)
        {
            var start = end;
            for (var i = 0; i < member.MovieIds.Length; i++)
            {
                if (movieLens.TryGetMovieIndex(member.MovieIds[i], out var movie))
                {
                    rowMovie[end] = movie;
                    rowStars[end] = member.Stars[i];
                    end++;
                }
            }

            if (end - start < RecommendationRules.MinimumRatings)
            {
                end = start;
                continue;
            }

            Array.Sort(rowMovie, rowStars, start, end - start);
            indexByChatId[member.ChatId] = users;
            userIds[users] = -indexByChatId.Count;
            rowStart[++users] = end;
        }

        var movieIds = Enumerable.Range(0, movieLens.MovieCount).Select(movieLens.MovieId).ToArray();
        var matrix = RatingMatrix.FromRows(Fit(userIds, users), movieIds, Fit(rowStart, users + 1), Fit(rowMovie, end), Fit(rowStars, end));
        return new NeighbourPool(matrix, indexByChatId);
    }

    /// <summary>The array itself when it is all used (no 25M-element copy), else its used front.</summary>
    private static T[] Fit<T>(T[] array, int length) => array.Length == length ? array : array[..length];
}
