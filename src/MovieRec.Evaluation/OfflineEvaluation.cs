using MovieRec.Domain;

namespace MovieRec.Evaluation;

/// <summary>
/// The offline protocol of docs/quality.md. Accuracy: seeded, shuffled k-fold cross-validation
/// of every rating. Top-n: per user a seeded 20% of ratings held out; relevant means a held-out
/// rating of at least 4 stars.
/// </summary>
public sealed class OfflineEvaluation
{
    public const double RelevantStars = 4.0;

    private readonly Entries _entries;

    public OfflineEvaluation(RatingMatrix matrix)
    {
        _entries = new Entries(matrix);
    }

    public IReadOnlyList<AccuracyResult> CrossValidate(IReadOnlyList<Candidate> candidates, int folds, int seed)
    {
        var fold = AssignFolds(folds, seed);
        var squared = new double[candidates.Count];
        var absolute = new double[candidates.Count];
        var counted = new int[candidates.Count];
        for (var f = 0; f < folds; f++)
        {
            var train = _entries.Train(fold.Select(x => x != f).ToArray());
            var testByUser = Enumerable.Range(0, _entries.Count).Where(e => fold[e] == f).GroupBy(e => _entries.User[e]).ToList();
            for (var c = 0; c < candidates.Count; c++)
            {
                var scorer = candidates[c].Train(train);
                foreach (var test in testByUser)
                {
                    var predicted = scorer.PredictStars(test.Key);
                    if (predicted is null)
                    {
                        continue;
                    }

                    foreach (var e in test)
                    {
                        var error = predicted[_entries.Movie[e]] - _entries.Stars[e];
                        squared[c] += error * error;
                        absolute[c] += Math.Abs(error);
                        counted[c]++;
                    }
                }
            }
        }

        return candidates
            .Select((candidate, c) => counted[c] == 0
                ? new AccuracyResult(candidate.Name, double.NaN, double.NaN, 0)
                : new AccuracyResult(candidate.Name, Math.Sqrt(squared[c] / counted[c]), absolute[c] / counted[c], counted[c]))
            .ToList();
    }

    public IReadOnlyList<TopNResult> TopN(IReadOnlyList<Candidate> candidates, int n, double holdoutShare, int seed)
    {
        var inTrain = HoldOutPerUser(holdoutShare, seed);
        var train = _entries.Train(inTrain);
        var relevantByUser = Enumerable.Range(0, _entries.Count)
            .Where(e => !inTrain[e] && _entries.Stars[e] >= RelevantStars)
            .GroupBy(e => _entries.User[e])
            .ToDictionary(g => g.Key, g => g.Select(e => _entries.Movie[e]).ToHashSet());

        var results = new List<TopNResult>();
        foreach (var candidate in candidates)
        {
            var scorer = candidate.Train(train);
            double precision = 0, recall = 0, ndcg = 0;
            foreach (var (user, relevant) in relevantByUser)
            {
                var ranked = scorer.Rank(user, n);
                double hits = 0, dcg = 0, ideal = 0;
                for (var i = 0; i < ranked.Count; i++)
                {
                    if (relevant.Contains(ranked[i]))
                    {
                        hits++;
                        dcg += 1 / Math.Log2(i + 2);
                    }
                }

                for (var i = 0; i < Math.Min(n, relevant.Count); i++)
                {
                    ideal += 1 / Math.Log2(i + 2);
                }

                precision += hits / n;
                recall += hits / relevant.Count;
                ndcg += dcg / ideal;
            }

            var users = relevantByUser.Count;
            results.Add(new TopNResult(candidate.Name, precision / users, recall / users, ndcg / users, users));
        }

        return results;
    }

    private int[] AssignFolds(int folds, int seed)
    {
        var order = Enumerable.Range(0, _entries.Count).ToArray();
        new Random(seed).Shuffle(order);
        var fold = new int[_entries.Count];
        for (var position = 0; position < order.Length; position++)
        {
            fold[order[position]] = position % folds;
        }

        return fold;
    }

    private bool[] HoldOutPerUser(double share, int seed)
    {
        var random = new Random(seed);
        var inTrain = Enumerable.Repeat(true, _entries.Count).ToArray();
        var matrix = _entries.Matrix;
        var start = 0;
        for (var u = 0; u < matrix.UserCount; u++)
        {
            var count = matrix.MoviesRatedBy(u).Length;
            var positions = Enumerable.Range(start, count).ToArray();
            random.Shuffle(positions);
            var held = (int)Math.Round(count * share, MidpointRounding.AwayFromZero);
            foreach (var e in positions.Take(held))
            {
                inTrain[e] = false;
            }

            start += count;
        }

        return inTrain;
    }
}
