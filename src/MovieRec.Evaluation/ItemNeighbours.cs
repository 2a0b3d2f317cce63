using MovieRec.Domain;

namespace MovieRec.Evaluation;

/// <summary>
/// Item-to-item anchors on held-out users: each film keeps its K most similar films, and a person's
/// score for a film is the sum of its similarity to the films they gave. Two similarities:
/// <see cref="ItemKnn"/> (cosine of who-rated-what columns with a shrink term) and
/// <see cref="Rp3Beta"/> (Paudel et al. 2017: a three-step random walk film → user → film, each step's
/// probability raised to α, divided by the destination's popularity^β).
/// </summary>
public sealed class ItemNeighbours : IPersonRanker
{
    private readonly int[][] _neighbour;
    private readonly float[][] _weight;

    private ItemNeighbours(int[][] neighbour, float[][] weight)
    {
        _neighbour = neighbour;
        _weight = weight;
    }

    public static PersonCandidate ItemKnn(int k, double shrink) =>
        new(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Item kNN (cosine, K={k}, shrink={shrink})"), train =>
        {
            var raters = Enumerable.Range(0, train.MovieCount).Select(m => (double)train.RatingCountOf(m)).ToArray();
            return Build(train, k, _ => 1, (i, j, together) => together / (Math.Sqrt(raters[i] * raters[j]) + shrink));
        });

    public static PersonCandidate Rp3Beta(int k, double alpha, double beta) =>
        new(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"RP3β (K={k}, α={alpha}, β={beta})"), train =>
        {
            // Powers computed once per film, not once per pair.
            var stepFrom = Enumerable.Range(0, train.MovieCount).Select(m => Math.Pow(1.0 / Math.Max(1, train.RatingCountOf(m)), alpha)).ToArray();
            var damping = Enumerable.Range(0, train.MovieCount).Select(m => Math.Pow(Math.Max(1, train.RatingCountOf(m)), -beta)).ToArray();
            return Build(
                train,
                k,
                u => Math.Pow(1.0 / train.MoviesRatedBy(u).Length, alpha),
                (i, j, walk) => stepFrom[i] * walk * damping[j]);
        });

    public IReadOnlyList<int> Rank(RatingProfile given, int n)
    {
        ArgumentNullException.ThrowIfNull(given);
        var score = new Dictionary<int, double>();
        foreach (var movie in given.Movies)
        {
            var neighbours = _neighbour[movie];
            var weights = _weight[movie];
            for (var k = 0; k < neighbours.Length; k++)
            {
                score[neighbours[k]] = score.GetValueOrDefault(neighbours[k]) + weights[k];
            }
        }

        var best = new TopN(n);
        var excluded = new HashSet<int>(given.Movies);
        foreach (var (movie, value) in score)
        {
            if (!excluded.Contains(movie))
            {
                best.Offer(movie, value, movie);
            }
        }

        return best.TakeBest().Items;
    }

    /// <summary>
    /// For each film i: co[j] = Σ over i's raters u of userWeight(u), for every film j that u rated;
    /// similarity(i, j, co[j]) for j ≠ i; the K highest kept.
    /// </summary>
    private static ItemNeighbours Build(RatingMatrix train, int k, Func<int, double> userWeight, Func<int, int, double, double> similarity)
    {
        var movies = train.MovieCount;
        var userWeights = Enumerable.Range(0, train.UserCount).Select(userWeight).ToArray();
        var ratersOf = new List<int>[movies];
        for (var m = 0; m < movies; m++)
        {
            ratersOf[m] = [];
        }

        for (var u = 0; u < train.UserCount; u++)
        {
            foreach (var movie in train.MoviesRatedBy(u))
            {
                ratersOf[movie].Add(u);
            }
        }

        var neighbour = new int[movies][];
        var weight = new float[movies][];
        Parallel.For(0, movies, () => (Co: new double[movies], Touched: new List<int>()), (i, _, scratch) =>
        {
            var (co, touched) = scratch;
            foreach (var u in ratersOf[i])
            {
                foreach (var j in train.MoviesRatedBy(u))
                {
                    if (co[j] == 0)
                    {
                        touched.Add(j);
                    }

                    co[j] += userWeights[u];
                }
            }

            var best = new TopN(k);
            foreach (var j in touched)
            {
                if (j != i)
                {
                    best.Offer(j, similarity(i, j, co[j]), j);
                }

                co[j] = 0;
            }

            touched.Clear();
            var (items, scores) = best.TakeBest();
            neighbour[i] = items;
            weight[i] = Array.ConvertAll(scores, s => (float)s);
            return scratch;
        }, _ => { });
        return new ItemNeighbours(neighbour, weight);
    }
}
