using MovieRec.Domain;

namespace MovieRec.Evaluation;

/// <summary>Top-n by a score per movie index, leaving out what the user rated; ties go to the lower movie id.</summary>
internal static class Ranking
{
    public static IReadOnlyList<int> Top(RatingMatrix train, int userIndex, double[] score, int n)
    {
        var rated = new HashSet<int>(train.MoviesRatedBy(userIndex).ToArray());
        var best = new PriorityQueue<int, (double Score, int NegatedIndex)>(n + 1);
        for (var m = 0; m < score.Length; m++)
        {
            if (rated.Contains(m) || double.IsNaN(score[m]))
            {
                continue;
            }

            var key = (score[m], -m);
            if (best.Count < n)
            {
                best.Enqueue(m, key);
            }
            else if (best.TryPeek(out _, out var weakest) && key.CompareTo(weakest) > 0)
            {
                best.EnqueueDequeue(m, key);
            }
        }

        var top = new List<int>(best.Count);
        while (best.TryDequeue(out var movie, out _))
        {
            top.Add(movie);
        }

        top.Reverse();
        return top;
    }
}
