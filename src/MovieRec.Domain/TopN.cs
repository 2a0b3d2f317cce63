namespace MovieRec.Domain;

/// <summary>
/// The best few of many candidates by a score: one selection for neighbours, recommendations and
/// offline evaluation, so all three break ties the same way.
/// </summary>
public static class TopN
{
    /// <summary>
    /// The candidates 0 … <paramref name="count"/> - 1 with the highest scores, best first, at most
    /// <paramref name="take"/>. NaN and -∞ are never picked; equal scores go to the lower
    /// <paramref name="tieKey"/>, so the answer does not depend on the order of the scan.
    /// </summary>
    public static (int[] Items, double[] Scores) Select(int count, int take, Func<int, double> scoreOf, Func<int, int> tieKey)
    {
        ArgumentNullException.ThrowIfNull(scoreOf);
        ArgumentNullException.ThrowIfNull(tieKey);
        ArgumentOutOfRangeException.ThrowIfNegative(take);

        // A bounded min-heap: its root is the weakest of the best so far (lowest score, then highest tie key).
        var best = new PriorityQueue<int, (double Score, int NegatedTie)>(take + 1);
        for (var i = 0; i < count; i++)
        {
            var score = scoreOf(i);
            if (double.IsNaN(score) || double.IsNegativeInfinity(score))
            {
                continue;
            }

            var key = (score, -tieKey(i));
            if (best.Count < take)
            {
                best.Enqueue(i, key);
            }
            else if (best.TryPeek(out _, out var weakest) && key.CompareTo(weakest) > 0)
            {
                best.EnqueueDequeue(i, key);
            }
        }

        var items = new int[best.Count];
        var scores = new double[best.Count];
        for (var at = items.Length - 1; at >= 0; at--)
        {
            best.TryDequeue(out items[at], out var key);
            scores[at] = key.Score;
        }

        return (items, scores);
    }
}
