using System.Buffers;

namespace MovieRec.Domain;

/// <summary>
/// One person's similarity to every matrix user, computed in one pass over the columns of the
/// movies they rated: the neighbours that predict stars and the neighbours that rank.
/// </summary>
internal sealed class Neighbourhood
{
    private Neighbourhood(double offset, (int[], double[]) prediction, (int[], double[]) ranking)
    {
        Offset = offset;
        PredictionNeighbours = prediction;
        RankingNeighbours = ranking;
    }

    /// <summary>The person's own offset (baseline or mean) the residuals are taken from.</summary>
    public double Offset { get; }

    /// <summary>The most similar users by centred cosine, most similar first, at most the candidate pool.</summary>
    public (int[] Users, double[] Similarities) PredictionNeighbours { get; }

    /// <summary>The K most similar users by the ranking's cosine, most similar first.</summary>
    public (int[] Users, double[] Similarities) RankingNeighbours { get; }

    public static Neighbourhood Of(TrainedRatings trained, RatingProfile profile, int excludeUser)
    {
        var matrix = trained.Matrix;
        var options = trained.Options;
        var offset = StarPrediction.PersonOffset(trained, profile);
        if (profile.Count == 0)
        {
            return new Neighbourhood(offset, ([], []), ([], []));
        }

        var users = matrix.UserCount;
        var dot = ArrayPool<double>.Shared.Rent(users);
        var overlap = ArrayPool<int>.Shared.Rent(users);
        var coRated = options.SimilarityShrinkage > 0;
        var personSquares = coRated ? ArrayPool<double>.Shared.Rent(users) : [];
        var userSquares = coRated ? ArrayPool<double>.Shared.Rent(users) : [];
        var weights = trained.FilmWeights;
        var weighted = options.FilmWeighting != FilmWeighting.None;
        var weightedOverlap = weighted ? ArrayPool<double>.Shared.Rent(users) : [];
        try
        {
            if (weighted)
            {
                Array.Clear(weightedOverlap, 0, users);
            }

            Array.Clear(dot, 0, users);
            Array.Clear(overlap, 0, users);
            if (coRated)
            {
                Array.Clear(personSquares, 0, users);
                Array.Clear(userSquares, 0, users);
            }

            double squares = 0;
            for (var r = 0; r < profile.Count; r++)
            {
                var movie = profile.Movies[r];
                var residual = profile.Stars[r] - offset - trained.MovieOffset[movie];
                squares += residual * residual;
                var filmWeight = (double)weights.SquaredWeight[movie];
                var end = matrix.ColumnStart[movie + 1];
                for (var p = matrix.ColumnStart[movie]; p < end; p++)
                {
                    var user = matrix.ColumnUser[p];
                    var theirs = trained.ColumnResidual[p];
                    dot[user] += residual * theirs;
                    overlap[user]++;
                    if (weighted)
                    {
                        weightedOverlap[user] += filmWeight;
                    }

                    if (coRated)
                    {
                        personSquares[user] += residual * residual;
                        userSquares[user] += theirs * theirs;
                    }
                }
            }

            // Each user's similarity offered straight to the selections: one pass per question,
            // no delegate per user on a 160,000-user matrix.
            var norm = Math.Sqrt(squares);
            var shrinkage = options.SimilarityShrinkage;
            var nearest = new TopN(options.CandidatePool);
            for (var u = 0; u < users; u++)
            {
                double similarity = dot[u] == 0 ? 0
                    : coRated ? dot[u] / Math.Sqrt(personSquares[u] * userSquares[u]) * overlap[u] / (overlap[u] + shrinkage)
                    : norm == 0 || trained.UserNorm[u] == 0 ? 0 : dot[u] / (norm * trained.UserNorm[u]);
                nearest.Offer(u, Eligible(u, similarity), u);
            }

            var centred = nearest.TakeBest();
            if (options.RankingSimilarity == RankingSimilarity.CentredRatings)
            {
                var k = Math.Min(centred.Items.Length, options.RankingNeighbours);
                return new Neighbourhood(offset, centred, (centred.Items[..k], centred.Scores[..k]));
            }

            // With a community whose evidence is bounded by MovieLens's (EvidenceRanking), MovieLens's
            // nearest and the community's nearest are chosen apart, each their own K, so the community
            // cannot also crowd MovieLens's neighbours out.
            var movieLensSide = new TopN(options.RankingNeighbours);
            var communitySide = trained.BoundsCommunity ? new TopN(options.RankingNeighbours) : movieLensSide;
            var personFactor = weights.LengthFactorOf(profile.Count);
            var personLength = personFactor * personFactor * weights.SquaresOf(profile.Movies);
            for (var u = 0; u < users; u++)
            {
                var whoRatedWhat = overlap[u] == 0 ? 0
                    : weighted ? WeightedCosine(options, weightedOverlap[u] * personFactor * weights.LengthFactor[u], personLength, weights.LengthFactor[u] * weights.LengthFactor[u] * weights.SquaredLength[u])
                    : WeightedCosine(options, overlap[u], profile.Count, matrix.RowStart[u + 1] - matrix.RowStart[u]);
                (trained.IsCommunity[u] ? communitySide : movieLensSide).Offer(u, Eligible(u, whoRatedWhat), u);
            }

            var ranking = trained.BoundsCommunity ? Merged(movieLensSide.TakeBest(), communitySide.TakeBest()) : movieLensSide.TakeBest();
            return new Neighbourhood(offset, centred, ranking);

            double Eligible(int u, double similarity) => u == excludeUser || similarity <= options.MinSimilarity ? double.NaN : similarity;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(dot);
            ArrayPool<int>.Shared.Return(overlap);
            if (weighted)
            {
                ArrayPool<double>.Shared.Return(weightedOverlap);
            }

            if (coRated)
            {
                ArrayPool<double>.Shared.Return(personSquares);
                ArrayPool<double>.Shared.Return(userSquares);
            }
        }
    }

    /// <summary>
    /// The asymmetric cosine with a shrink term: dot ÷ (‖x‖^(2α)·‖y‖^(2(1−α)) + shrink), from the squared
    /// lengths. At α = 0.5 without shrink it is the plain cosine dot ÷ √(‖x‖²·‖y‖²).
    /// </summary>
    private static double WeightedCosine(RecommenderOptions options, double dot, double personSquares, double userSquares)
    {
        var alpha = options.RankingAlpha;
        var lengths = alpha == 0.5 ? Math.Sqrt(personSquares * userSquares) : Math.Pow(personSquares, alpha) * Math.Pow(userSquares, 1 - alpha);
        var denominator = lengths + options.RankingShrink;
        return denominator == 0 ? 0 : dot / denominator;
    }

    /// <summary>Two neighbour lists as one, most similar first (ties by user index).</summary>
    private static (int[] Users, double[] Similarities) Merged((int[] Users, double[] Similarities) a, (int[] Users, double[] Similarities) b)
    {
        var users = a.Users.Concat(b.Users).ToArray();
        var similarities = a.Similarities.Concat(b.Similarities).ToArray();
        var order = Enumerable.Range(0, users.Length).OrderByDescending(i => similarities[i]).ThenBy(i => users[i]).ToArray();
        return (order.Select(i => users[i]).ToArray(), order.Select(i => similarities[i]).ToArray());
    }
}
