namespace MovieRec.Evaluation;

/// <summary>
/// How well one list serves a group: each member's nDCG of the list against their own relevant
/// films (binary gains, the top-N metric of docs/quality.md), then the members' mean and the
/// worst-served member's.
/// </summary>
public static class GroupNdcg
{
    /// <summary>nDCG@<paramref name="n"/> of <paramref name="list"/> for one person; their relevant films must not be empty.</summary>
    public static double Of(IReadOnlyList<int> list, IReadOnlySet<int> relevant, int n)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(relevant);
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfZero(relevant.Count);
        double dcg = 0, ideal = 0;
        for (var i = 0; i < n; i++)
        {
            if (i < list.Count && relevant.Contains(list[i]))
            {
                dcg += 1 / Math.Log2(i + 2);
            }

            if (i < relevant.Count)
            {
                ideal += 1 / Math.Log2(i + 2);
            }
        }

        return dcg / ideal;
    }

    /// <summary>The members' mean nDCG@<paramref name="n"/> of one list, and the lowest of them.</summary>
    public static (double Mean, double Worst) ForGroup(IReadOnlyList<int> list, IReadOnlyList<IReadOnlySet<int>> relevantByMember, int n)
    {
        ArgumentNullException.ThrowIfNull(relevantByMember);
        ArgumentOutOfRangeException.ThrowIfZero(relevantByMember.Count);
        var each = relevantByMember.Select(relevant => Of(list, relevant, n)).ToList();
        return (each.Average(), each.Min());
    }
}
