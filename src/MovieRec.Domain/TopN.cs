using System.Buffers;

namespace MovieRec.Domain;

/// <summary>
/// The best few of many candidates by a score: one selection for neighbours, recommendations and
/// offline evaluation, so all three break ties the same way.
/// </summary>
public static class TopN
{
    /// <summary>
    /// The candidates 0 … <paramref name="count"/> - 1 with the highest scores, best first, at most
    /// <paramref name="take"/>; see <see cref="Select(ReadOnlySpan{double}, int, Func{int, int})"/>.
    /// </summary>
    public static (int[] Items, double[] Scores) Select(int count, int take, Func<int, double> scoreOf, Func<int, int> tieKey)
    {
        ArgumentNullException.ThrowIfNull(scoreOf);
        var scores = ArrayPool<double>.Shared.Rent(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                scores[i] = scoreOf(i);
            }

            return Select(scores.AsSpan(0, count), take, tieKey);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scores);
        }
    }

    /// <summary>
    /// The indices of the highest <paramref name="scores"/>, best first, at most <paramref name="take"/>.
    /// NaN and -∞ are never picked; equal scores go to the lower <paramref name="tieKey"/>, so the
    /// answer does not depend on the order of the scan.
    /// </summary>
    public static (int[] Items, double[] Scores) Select(ReadOnlySpan<double> scores, int take, Func<int, int> tieKey)
    {
        ArgumentNullException.ThrowIfNull(tieKey);
        ArgumentOutOfRangeException.ThrowIfNegative(take);

        // A bounded min-heap: its root is the weakest of the best so far (lowest score, then highest tie key).
        var best = new PriorityQueue<int, (double Score, int NegatedTie)>(take + 1);
        for (var i = 0; i < scores.Length; i++)
        {
            var score = scores[i];
            if (double.IsNaN(score) || double.IsNegativeInfinity(score))
            {
                continue;
            }

            if (best.Count < take)
            {
                best.Enqueue(i, (score, -tieKey(i)));
            }
            else if (best.TryPeek(out _, out var weakest) && score >= weakest.Score && (score, -tieKey(i)).CompareTo(weakest) > 0)
            {
                best.EnqueueDequeue(i, (score, -tieKey(i)));
            }
        }

        var items = new int[best.Count];
        var picked = new double[best.Count];
        for (var at = items.Length - 1; at >= 0; at--)
        {
            best.TryDequeue(out items[at], out var key);
            picked[at] = key.Score;
        }

        return (items, picked);
    }
}
