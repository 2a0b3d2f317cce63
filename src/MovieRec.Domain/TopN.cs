namespace MovieRec.Domain;

/// <summary>
/// The best few of many candidates by a score, offered one at a time: one selection for
/// neighbours, recommendations and offline evaluation, so all three break ties the same way. A
/// bounded min-heap, so the scan never sorts and never holds more than it keeps.
/// </summary>
public sealed class TopN
{
    private readonly int _take;

    // Its root is the weakest of the best so far: the lowest score, then the highest tie key.
    private readonly PriorityQueue<int, (double Score, int NegatedTie)> _best;

    public TopN(int take)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(take);
        _take = take;
        _best = new PriorityQueue<int, (double Score, int NegatedTie)>(take + 1);
    }

    /// <summary>
    /// Offers a candidate. NaN and -∞ are never kept; among equal scores the lower
    /// <paramref name="tie"/> wins, so the answer does not depend on the order of the offers.
    /// </summary>
    public void Offer(int item, double score, int tie)
    {
        if (double.IsNaN(score) || double.IsNegativeInfinity(score))
        {
            return;
        }

        if (_best.Count < _take)
        {
            _best.Enqueue(item, (score, -tie));
        }
        else if (_take > 0 && _best.TryPeek(out _, out var weakest) && score >= weakest.Score && (score, -tie).CompareTo(weakest) > 0)
        {
            _best.EnqueueDequeue(item, (score, -tie));
        }
    }

    /// <summary>What was kept, best first, with the scores; the selection is empty afterwards.</summary>
    public (int[] Items, double[] Scores) TakeBest()
    {
        var items = new int[_best.Count];
        var scores = new double[_best.Count];
        for (var at = items.Length - 1; at >= 0; at--)
        {
            _best.TryDequeue(out items[at], out var key);
            scores[at] = key.Score;
        }

        return (items, scores);
    }
}
