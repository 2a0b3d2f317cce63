namespace MovieRec.Domain;

/// <summary>
/// The app's own users who have rated at least <see cref="RecommendationRules.MinimumRatings"/>
/// movies, with their ratings by movie id: the part of the neighbour pool that MovieLens does not
/// have. Immutable; <see cref="With"/> gives the next one from the users whose ratings changed.
/// </summary>
public sealed class CommunityRatings
{
    private readonly Dictionary<string, CommunityMember> _members;

    private CommunityRatings(Dictionary<string, CommunityMember> members)
    {
        _members = members;
        RatingCount = members.Values.Sum(m => m.MovieIds.Length);
    }

    public static CommunityRatings Empty { get; } = new(new Dictionary<string, CommunityMember>(StringComparer.Ordinal));

    public int UserCount => _members.Count;

    public int RatingCount { get; }

    /// <summary>Members ordered by chat id (ordinal), so that equal communities give equal pools and snapshots.</summary>
    public IEnumerable<CommunityMember> Members => _members.Values.OrderBy(m => m.ChatId, StringComparer.Ordinal);

    public bool Contains(string chatId) => _members.ContainsKey(chatId);

    /// <summary>
    /// This community with each given user's ratings as they are now: a user with enough ratings
    /// joins or is replaced, one with fewer (or none) leaves.
    /// </summary>
    public CommunityRatings With(IEnumerable<(string ChatId, IReadOnlyDictionary<int, double> StarsByMovie)> current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var members = new Dictionary<string, CommunityMember>(_members, StringComparer.Ordinal);
        foreach (var (chatId, stars) in current)
        {
            if (stars.Count >= RecommendationRules.MinimumRatings)
            {
                members[chatId] = CommunityMember.Of(chatId, stars);
            }
            else
            {
                members.Remove(chatId);
            }
        }

        return new CommunityRatings(members);
    }

    /// <summary>A community of exactly these members (a snapshot read back).</summary>
    internal static CommunityRatings Of(IEnumerable<CommunityMember> members) =>
        new(members.ToDictionary(m => m.ChatId, StringComparer.Ordinal));
}

/// <summary>One app user in the pool: movie ids ascending, and the stars given to each.</summary>
public sealed record CommunityMember(string ChatId, int[] MovieIds, float[] Stars)
{
    public static CommunityMember Of(string chatId, IReadOnlyDictionary<int, double> starsByMovie)
    {
        ArgumentNullException.ThrowIfNull(starsByMovie);
        var movies = starsByMovie.Keys.ToArray();
        var stars = movies.Select(m => (float)starsByMovie[m]).ToArray();
        Array.Sort(movies, stars);
        return new CommunityMember(chatId, movies, stars);
    }
}
