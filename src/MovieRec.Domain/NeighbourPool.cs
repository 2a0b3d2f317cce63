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
        var userIds = new List<int>(movieLens.UserCount + community.UserCount);
        var rowStart = new List<int>(movieLens.UserCount + community.UserCount + 1);
        var rowMovie = new List<int>(movieLens.RatingCount + community.RatingCount);
        var rowStars = new List<float>(movieLens.RatingCount + community.RatingCount);
        rowStart.Add(0);
        for (var u = 0; u < movieLens.UserCount; u++)
        {
            userIds.Add(movieLens.UserId(u));
            rowMovie.AddRange(movieLens.MoviesRatedBy(u));
            rowStars.AddRange(movieLens.StarsGivenBy(u));
            rowStart.Add(rowMovie.Count);
        }

        var indexByChatId = new Dictionary<string, int>(community.UserCount, StringComparer.Ordinal);
        var row = new List<(int Movie, float Stars)>();
        foreach (var member in community.Members)
        {
            row.Clear();
            for (var i = 0; i < member.MovieIds.Length; i++)
            {
                if (movieLens.TryGetMovieIndex(member.MovieIds[i], out var movie))
                {
                    row.Add((movie, member.Stars[i]));
                }
            }

            if (row.Count < RecommendationRules.MinimumRatings)
            {
                continue;
            }

            row.Sort((a, b) => a.Movie.CompareTo(b.Movie));
            indexByChatId[member.ChatId] = userIds.Count;
            userIds.Add(-(indexByChatId.Count));
            foreach (var (movie, stars) in row)
            {
                rowMovie.Add(movie);
                rowStars.Add(stars);
            }

            rowStart.Add(rowMovie.Count);
        }

        var movieIds = Enumerable.Range(0, movieLens.MovieCount).Select(movieLens.MovieId).ToArray();
        var matrix = RatingMatrix.FromRows([.. userIds], movieIds, [.. rowStart], [.. rowMovie], [.. rowStars]);
        return new NeighbourPool(matrix, indexByChatId);
    }
}
