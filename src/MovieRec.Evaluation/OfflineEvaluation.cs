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

    public IReadOnlyList<AccuracyResult> CrossValidate(IReadOnlyList<Candidate> candidates, int folds, int seed) =>
        CrossValidate(candidates, AssignFolds(folds, seed), folds);

    /// <summary>Cross-validation on a dataset's own folds: each rating's test fold by (user id, movie id).</summary>
    public IReadOnlyList<AccuracyResult> CrossValidate(IReadOnlyList<Candidate> candidates, IReadOnlyDictionary<(int UserId, int MovieId), int> publishedFolds)
    {
        ArgumentNullException.ThrowIfNull(publishedFolds);
        var fold = new int[_entries.Count];
        for (var e = 0; e < fold.Length; e++)
        {
            var key = (_entries.UserIds[_entries.User[e]], _entries.MovieIds[_entries.Movie[e]]);
            fold[e] = publishedFolds.TryGetValue(key, out var f)
                ? f
                : throw new InvalidDataException($"User {key.Item1}'s rating of movie {key.Item2} is in no published fold.");
        }

        return CrossValidate(candidates, fold, fold.Max() + 1);
    }

    private List<AccuracyResult> CrossValidate(IReadOnlyList<Candidate> candidates, int[] fold, int folds)
    {
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

    /// <summary>
    /// Ranks <paramref name="longest"/> movies per user and reports precision, recall, nDCG,
    /// coverage and popularity at <paramref name="n"/>, and nDCG at every length up to <paramref name="longest"/>.
    /// </summary>
    public IReadOnlyList<TopNResult> TopN(IReadOnlyList<Candidate> candidates, int n, double holdoutShare, int seed, int longest = 20)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(longest, n);
        var inTrain = HoldOutPerUser(holdoutShare, seed);
        var train = _entries.Train(inTrain);
        var popularityRank = PopularityRanks(train);
        var relevantByUser = Enumerable.Range(0, _entries.Count)
            .Where(e => !inTrain[e] && _entries.Stars[e] >= RelevantStars)
            .GroupBy(e => _entries.User[e])
            .ToDictionary(g => g.Key, g => g.Select(e => _entries.Movie[e]).ToHashSet());

        var results = new List<TopNResult>();
        foreach (var candidate in candidates)
        {
            var scorer = candidate.Train(train);
            double precision = 0, recall = 0, rankSum = 0;
            var ndcgAt = new double[longest];
            var recommended = new HashSet<int>();
            var picks = 0;
            foreach (var (user, relevant) in relevantByUser)
            {
                var ranked = scorer.Rank(user, longest);
                double hits = 0, dcg = 0, ideal = 0;
                for (var i = 0; i < longest; i++)
                {
                    if (i < ranked.Count && relevant.Contains(ranked[i]))
                    {
                        dcg += 1 / Math.Log2(i + 2);
                        hits += i < n ? 1 : 0;
                    }

                    if (i < relevant.Count)
                    {
                        ideal += 1 / Math.Log2(i + 2);
                    }

                    ndcgAt[i] += dcg / ideal;
                }

                foreach (var movie in ranked.Take(n))
                {
                    recommended.Add(movie);
                    rankSum += popularityRank[movie];
                    picks++;
                }

                precision += hits / n;
                recall += hits / relevant.Count;
            }

            var users = relevantByUser.Count;
            results.Add(new TopNResult(
                candidate.Name,
                n,
                precision / users,
                recall / users,
                ndcgAt[n - 1] / users,
                (double)recommended.Count / train.MovieCount,
                picks == 0 ? double.NaN : rankSum / picks,
                ndcgAt.Select(x => x / users).ToArray(),
                users));
        }

        return results;
    }

    /// <summary>1 for the movie with the most training ratings, ties sharing the better rank.</summary>
    private static int[] PopularityRanks(RatingMatrix train)
    {
        var order = Enumerable.Range(0, train.MovieCount).OrderByDescending(train.RatingCountOf).ToArray();
        var rank = new int[train.MovieCount];
        for (var i = 0; i < order.Length; i++)
        {
            rank[order[i]] = i > 0 && train.RatingCountOf(order[i]) == train.RatingCountOf(order[i - 1]) ? rank[order[i - 1]] : i + 1;
        }

        return rank;
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
