namespace MovieRec.Domain;

/// <summary>
/// Masthoff's ways of turning each member's view of the same films into one ranking for a group
/// (Recommender Systems Handbook, "Group recommender systems").
/// </summary>
public enum GroupStrategy
{
    /// <summary>The highest mean of the members' appeal.</summary>
    Average,

    /// <summary>The highest appeal to the member who likes the film least.</summary>
    LeastMisery,

    /// <summary>The highest mean among films no member is predicted to rate below <see cref="GroupAggregation.MiseryStars"/>; the rest after them.</summary>
    AverageWithoutMisery,

    /// <summary>Each member ranks the films; a film scores the places it beats, summed over members.</summary>
    Borda,
}

/// <summary>
/// One member's view of the candidate films, in the candidates' order: how much each appeals to
/// them (any scale where more is better: comparable within the member, not across members) and
/// the stars they are predicted to give it.
/// </summary>
public sealed record MemberView(IReadOnlyList<double> Appeal, IReadOnlyList<double> Stars);

/// <summary>
/// The group's ranking of candidate films from its members' views. Appeal is put on one scale per
/// member first (divided by that member's best), so no member counts more because their scores run
/// larger. Ties go to the earlier candidate, so callers order candidates by a sensible default.
/// </summary>
public static class GroupAggregation
{
    /// <summary>A member predicted to give a film fewer stars than this would be miserable watching it.</summary>
    public const double MiseryStars = 3.0;

    /// <summary>The positions of the <paramref name="topN"/> candidates best for the group, best first.</summary>
    public static IReadOnlyList<int> Rank(IReadOnlyList<MemberView> members, int topN, GroupStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentOutOfRangeException.ThrowIfLessThan(topN, 1);
        ArgumentOutOfRangeException.ThrowIfZero(members.Count);
        var candidates = members[0].Appeal.Count;
        if (members.Any(m => m.Appeal.Count != candidates || m.Stars.Count != candidates))
        {
            throw new ArgumentException("Every member's view covers the same candidates.", nameof(members));
        }

        var appeal = members.Select(Normalised).ToList();
        var positions = Enumerable.Range(0, candidates);
        var ranked = strategy switch
        {
            GroupStrategy.Average => positions.OrderByDescending(c => Mean(appeal, c)),
            GroupStrategy.LeastMisery => positions.OrderByDescending(c => appeal.Min(a => a[c])).ThenByDescending(c => Mean(appeal, c)),
            GroupStrategy.AverageWithoutMisery => positions
                .OrderByDescending(c => members.All(m => m.Stars[c] >= MiseryStars))
                .ThenByDescending(c => Mean(appeal, c)),
            GroupStrategy.Borda => ByBorda(members, candidates),
            _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "Not a group strategy."),
        };

        // OrderBy is stable: among equals the earlier candidate stays first.
        return [.. ranked.Take(topN)];
    }

    private static double Mean(List<double[]> appeal, int candidate) => appeal.Average(a => a[candidate]);

    private static double[] Normalised(MemberView member)
    {
        var best = member.Appeal.Count == 0 ? 0 : member.Appeal.Max();
        return [.. member.Appeal.Select(a => best > 0 ? a / best : 0)];
    }

    /// <summary>Each member's Borda points: how many candidates a film beats in their appeal, ties sharing the places.</summary>
    private static IOrderedEnumerable<int> ByBorda(IReadOnlyList<MemberView> members, int candidates)
    {
        var points = new double[candidates];
        foreach (var member in members)
        {
            for (var c = 0; c < candidates; c++)
            {
                var beaten = 0.0;
                for (var other = 0; other < candidates; other++)
                {
                    var difference = member.Appeal[c] - member.Appeal[other];
                    beaten += difference > 0 ? 1 : difference == 0 && other != c ? 0.5 : 0;
                }

                points[c] += beaten;
            }
        }

        return Enumerable.Range(0, candidates).OrderByDescending(c => points[c]);
    }
}
