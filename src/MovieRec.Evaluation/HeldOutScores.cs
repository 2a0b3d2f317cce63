namespace MovieRec.Evaluation;

/// <summary>
/// One model's lists for the people of a split: per person nDCG@n (binary gains), precision@n and
/// recall@n (hits ÷ relevant films), and every movie that was on anyone's list.
/// </summary>
public sealed record HeldOutScores(string Name, double[] Ndcg, double[] Precision, double[] Recall, int ListedMovies, int Movies)
{
    public double MeanNdcg => Ndcg.Average();

    public double MeanPrecision => Precision.Average();

    public double MeanRecall => Recall.Average();

    /// <summary>The share of the training matrix's movies on at least one person's list.</summary>
    public double Coverage => (double)ListedMovies / Movies;

    public static HeldOutScores Of(string name, IPersonRanker ranker, HeldOutSplit split, int n)
    {
        ArgumentNullException.ThrowIfNull(ranker);
        ArgumentNullException.ThrowIfNull(split);
        var people = split.People;
        var lists = new IReadOnlyList<int>[people.Count];
        Parallel.For(0, people.Count, p => lists[p] = ranker.Rank(people[p].Given, n));
        var ndcg = new double[people.Count];
        var precision = new double[people.Count];
        var recall = new double[people.Count];
        var listed = new HashSet<int>();
        for (var p = 0; p < people.Count; p++)
        {
            var relevant = people[p].Relevant;
            double dcg = 0, ideal = 0, hits = 0;
            for (var i = 0; i < n; i++)
            {
                if (i < lists[p].Count && relevant.Contains(lists[p][i]))
                {
                    dcg += 1 / Math.Log2(i + 2);
                    hits++;
                }

                if (i < relevant.Count)
                {
                    ideal += 1 / Math.Log2(i + 2);
                }
            }

            ndcg[p] = dcg / ideal;
            precision[p] = hits / n;
            recall[p] = hits / relevant.Count;
            listed.UnionWith(lists[p].Take(n));
        }

        return new HeldOutScores(name, ndcg, precision, recall, listed.Count, split.Train.MovieCount);
    }

    /// <summary>
    /// This model's mean nDCG over <paramref name="reference"/>'s, and a 90% interval for that ratio
    /// from resampling the same people (paired bootstrap, seeded).
    /// </summary>
    public (double Ratio, double Low, double High) RatioTo(HeldOutScores reference, int seed, int resamples = 2000)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.Ndcg.Length != Ndcg.Length)
        {
            throw new ArgumentException("Scores of different people cannot be compared.", nameof(reference));
        }

        var random = new Random(seed);
        var ratios = new double[resamples];
        for (var r = 0; r < resamples; r++)
        {
            double mine = 0, theirs = 0;
            for (var i = 0; i < Ndcg.Length; i++)
            {
                var p = random.Next(Ndcg.Length);
                mine += Ndcg[p];
                theirs += reference.Ndcg[p];
            }

            ratios[r] = mine / theirs;
        }

        Array.Sort(ratios);
        return (MeanNdcg / reference.MeanNdcg, ratios[(int)(0.05 * resamples)], ratios[(int)(0.95 * resamples) - 1]);
    }
}
