namespace MovieRec.Domain;

/// <summary>A member of a group as the recommender sees them: their ratings, and their own row in the matrix (-1 when not in it).</summary>
public sealed record GroupMember(RatingProfile Profile, int Self);

/// <summary>
/// A film picked for a group: its movie index, each member's predicted stars (in the members'
/// order), and how many members have it among their own best <see cref="GroupRecommender.PersonalListLength"/>.
/// </summary>
public sealed record GroupPick(int Movie, IReadOnlyList<double> MemberStars, int InPersonalLists);

/// <summary>
/// Films for a group from the one model: each member's own ranking and predicted stars, put
/// together by a <see cref="GroupStrategy"/> (<see cref="GroupAggregation"/>). A film appeals to a
/// member by how high it stands on their own list (<see cref="AppealAt"/>), so the members' evidence counts on one scale.
/// Never a film any member rated, nor one of the excluded.
/// </summary>
public sealed class GroupRecommender(UserBasedRecommender recommender)
{
    /// <summary>How far down a member's own list the group looks: films below it appeal to that member not at all.</summary>
    public const int PersonalListLength = 100;

    /// <summary>
    /// How much the film at <paramref name="place"/> (0-based) of a member's own list appeals to them:
    /// 1 / log2(place + 2), the discount nDCG gives that place — 1 at the top, 1/2 at the third, 0.15
    /// at the hundredth. A member's own top films count for more than a film far down everyone's
    /// list; the linear 1 … 1/100 it replaced did worse for the members' mean and the worst-served
    /// member alike on validation groups (docs/quality.md, "Groups").
    /// </summary>
    public static double AppealAt(int place) => 1 / Math.Log2(place + 2);

    public IReadOnlyList<GroupPick> Recommend(
        IReadOnlyList<GroupMember> members, int topN, IReadOnlyCollection<int> excludedMovies, GroupStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(excludedMovies);
        ArgumentOutOfRangeException.ThrowIfZero(members.Count);
        var excluded = new HashSet<int>(excludedMovies);
        foreach (var member in members)
        {
            excluded.UnionWith(member.Profile.Movies);
        }

        var lists = members.Select(m => recommender.Rank(m.Profile, m.Self, PersonalListLength, excluded)).ToList();
        var stars = members.Select(m => recommender.ScoreAll(m.Profile, m.Self)).ToList();
        var places = lists.Select(list => list.Select((movie, place) => (movie, place)).ToDictionary(p => p.movie, p => p.place)).ToList();

        double Appeal(int member, int movie) => places[member].TryGetValue(movie, out var place) ? AppealAt(place) : 0;

        // The candidates in a sensible default order (ties in the aggregation keep it): most appeal in all, then by id.
        var candidates = lists.SelectMany(list => list).Distinct()
            .OrderByDescending(movie => Enumerable.Range(0, members.Count).Sum(m => Appeal(m, movie)))
            .ThenBy(movie => movie)
            .ToList();
        var views = Enumerable.Range(0, members.Count)
            .Select(m => new MemberView([.. candidates.Select(movie => Appeal(m, movie))], [.. candidates.Select(movie => stars[m][movie])]))
            .ToList();

        return [.. GroupAggregation.Rank(views, topN, strategy).Select(at => candidates[at]).Select(movie => new GroupPick(
            movie,
            [.. stars.Select(s => s[movie])],
            places.Count(p => p.ContainsKey(movie))))];
    }
}
