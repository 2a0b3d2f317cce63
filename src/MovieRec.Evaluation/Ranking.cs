using MovieRec.Domain;

namespace MovieRec.Evaluation;

/// <summary>Top-n by a score per movie index, leaving out what the user rated; ties go to the lower movie index.</summary>
internal static class Ranking
{
    public static IReadOnlyList<int> Top(RatingMatrix train, int userIndex, double[] score, int n)
    {
        var rated = new HashSet<int>(train.MoviesRatedBy(userIndex).ToArray());
        var best = new TopN(n);
        for (var m = 0; m < score.Length; m++)
        {
            if (!rated.Contains(m))
            {
                best.Offer(m, score[m], m);
            }
        }

        return best.TakeBest().Items;
    }
}
