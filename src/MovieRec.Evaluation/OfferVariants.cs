using MovieRec.Domain;

namespace MovieRec.Evaluation;

/// <summary>
/// Ways of choosing the next offer that were tried where <see cref="SeenChances"/> falls short of
/// the target (ml-100k, docs/quality.md) and were not kept, measured as <see cref="OffersToTen"/>
/// measures the product (the same held-out people, ten ratings, the cap), each offering its single
/// best film (no spread), beside <see cref="SeenChances"/>'s single likeliest.
/// </summary>
public static class OfferVariants
{
    /// <summary>Films an EASE takes part with: all on ml-100k, those with 10+ ratings on ml-latest-small (so the inversion stays a few thousand rows).</summary>
    public static int EaseMinRaters(RatingMatrix train) => train.MovieCount > 5000 ? 10 : 1;

    public static IReadOnlyList<OffersToTenResult> Run(EvaluationDataset dataset, int seed, int cap = 200)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var protocol = new HeldOutUsers(dataset.Ratings, folds: 5, given: 1, seed);
        var train = protocol.Test().Train;
        var people = protocol.TestUsers();
        var seen = new SeenChances(train);
        var linear = new LinearSeenChances(train, ridge: 0.1);
        var ease = new Ease(train, lambda: 100, EaseMinRaters(train));
        var logistic = new LogisticSeenChances(train, factors: 8, ridge: 1, personRidge: 1, epochs: 200, seed);
        var share = Enumerable.Range(0, train.MovieCount).Select(m => (train.RatingCountOf(m) + 1.0) / (train.UserCount + 2.0)).ToArray();
        var ways = new (string Name, Func<List<int>, List<int>, int> Pick)[]
        {
            ("The likeliest seen given ratings and skips (the product's model, no spread)", (rated, skipped) => Likeliest(seen, rated, skipped)),
            ("The same, two answers ahead: of its 5 likeliest, the one with the most expected ratings over this offer and the next", (rated, skipped) => TwoAhead(seen, rated, skipped, 5)),
            ("Linear: the expected seen given ratings (1) and skips (0) from who-rated-what's covariances, λ = 0.1", (rated, skipped) => Best(linear.Chances(rated, skipped))),
            ("Half the likeliest seen's chance, half the linear one's", (rated, skipped) => Best(Blend(seen, linear, rated, skipped))),
            ("Learned: logistic matrix factorisation of who rated what (8 factors, 200 epochs), the person fitted to their ratings (1) and skips (0)", (rated, skipped) => Best(logistic.Chances(rated, skipped))),
            ("EASE (λ = 100) of the ratings, skips counted −0.5, + 0.3 × the film's share of raters", (rated, skipped) => Best(Plus(ease.SeenScores(rated, skipped, 0.5), share, 0.3, rated.Concat(skipped)))),
        };

        return [.. ways.Select(way =>
        {
            var offers = people.Select(person => Replay(dataset.Ratings, train, person, way.Pick, cap)).ToArray();
            return new OffersToTenResult(way.Name, people.Count, OffersToTen.Median(offers), offers.Count(o => o < cap) / (double)people.Count, double.NaN);
        })];
    }

    /// <summary>Offers until ten ratings (or the cap): the person rates a film they rated in the data and skips any other.</summary>
    private static int Replay(RatingMatrix all, RatingMatrix train, int person, Func<List<int>, List<int>, int> pick, int cap)
    {
        var theirs = new HashSet<int>();
        foreach (var movie in all.MoviesRatedBy(person))
        {
            theirs.Add(all.MovieId(movie));
        }

        var rated = new List<int>();
        var skipped = new List<int>();
        for (var n = 1; n <= cap; n++)
        {
            var movie = pick(rated, skipped);
            if (movie < 0)
            {
                return cap;
            }

            if (!theirs.Contains(train.MovieId(movie)))
            {
                skipped.Add(movie);
            }
            else
            {
                rated.Add(movie);
                if (rated.Count == RecommendationRules.MinimumRatings)
                {
                    return n;
                }
            }
        }

        return cap;
    }

    private static int Likeliest(SeenChances seen, List<int> rated, List<int> skipped) =>
        seen.Likeliest(rated, skipped, excludeUser: -1, count: 1).Movies is [var best, ..] ? best : -1;

    /// <summary>Of the <paramref name="width"/> likeliest, the film with the most expected ratings from this offer and the best one after it.</summary>
    private static int TwoAhead(SeenChances seen, List<int> rated, List<int> skipped, int width)
    {
        var (movies, chances) = seen.Likeliest(rated, skipped, excludeUser: -1, width);
        var best = -1;
        var bestValue = double.NegativeInfinity;
        for (var i = 0; i < movies.Length; i++)
        {
            rated.Add(movies[i]);
            var afterRating = NextChance(seen, rated, skipped);
            rated.RemoveAt(rated.Count - 1);
            skipped.Add(movies[i]);
            var afterSkip = NextChance(seen, rated, skipped);
            skipped.RemoveAt(skipped.Count - 1);
            var value = (chances[i] * (1 + afterRating)) + ((1 - chances[i]) * afterSkip);
            (best, bestValue) = value > bestValue ? (movies[i], value) : (best, bestValue);
        }

        return best;
    }

    private static double NextChance(SeenChances seen, List<int> rated, List<int> skipped) =>
        seen.Likeliest(rated, skipped, excludeUser: -1, count: 1).Chances is [var chance, ..] ? chance : 0;

    private static double[] Blend(SeenChances seen, LinearSeenChances linear, List<int> rated, List<int> skipped)
    {
        var blended = linear.Chances(rated, skipped);
        var (movies, chances) = seen.Likeliest(rated, skipped, excludeUser: -1, blended.Length);
        var mixture = new double[blended.Length];
        Array.Fill(mixture, double.NaN);
        for (var i = 0; i < movies.Length; i++)
        {
            mixture[movies[i]] = chances[i];
        }

        for (var m = 0; m < blended.Length; m++)
        {
            blended[m] = (blended[m] + mixture[m]) / 2;
        }

        return blended;
    }

    private static double[] Plus(double[] scores, double[] share, double weight, IEnumerable<int> answered)
    {
        for (var m = 0; m < scores.Length; m++)
        {
            scores[m] += weight * share[m];
        }

        foreach (var movie in answered)
        {
            scores[movie] = double.NaN;
        }

        return scores;
    }

    /// <summary>The movie index with the highest score, answered (NaN) films left out; -1 when none is left.</summary>
    private static int Best(double[] scores)
    {
        var best = -1;
        for (var m = 0; m < scores.Length; m++)
        {
            best = !double.IsNaN(scores[m]) && (best < 0 || scores[m] > scores[best]) ? m : best;
        }

        return best;
    }
}
