using MovieRec.Domain;

namespace MovieRec.Benchmarks;

/// <summary>
/// A seeded rating matrix shaped like MovieLens 25M: Zipf-distributed movie popularity and
/// log-normal user activity (at least 20 ratings each), half-star ratings from a movie quality,
/// a user bias and noise.
/// </summary>
internal static class SyntheticMovieLens
{
    public static RatingMatrix Generate(int users, int movies, long ratings, int seed)
    {
        var random = new Random(seed);
        var popularity = ZipfCumulative(movies, exponent: 1.0);
        var quality = Enumerable.Range(0, movies).Select(_ => Normal(random) * 0.5).ToArray();
        var activity = Enumerable.Range(0, users).Select(_ => Math.Exp(Normal(random) * 1.1)).ToArray();
        var scale = (ratings - 20.0 * users) / activity.Sum();

        var perUser = new int[users];
        long total = 0;
        for (var u = 0; u < users; u++)
        {
            perUser[u] = (int)Math.Min(movies / 2, 20 + Math.Round(activity[u] * scale));
            total += perUser[u];
        }

        var entryUser = new int[total];
        var entryMovie = new int[total];
        var entryStars = new float[total];
        var seenBy = new int[movies];
        Array.Fill(seenBy, -1);
        long e = 0;
        for (var u = 0; u < users; u++)
        {
            var bias = Normal(random) * 0.4;
            for (var r = 0; r < perUser[u];)
            {
                var movie = Sample(popularity, random);
                if (seenBy[movie] == u)
                {
                    continue;
                }

                seenBy[movie] = u;
                var stars = 3.5 + quality[movie] + bias + Normal(random) * 0.8;
                entryUser[e] = u;
                entryMovie[e] = movie;
                entryStars[e] = (float)Math.Clamp(Math.Round(stars * 2) / 2, 0.5, 5);
                e++;
                r++;
            }
        }

        return RatingMatrix.Create(
            Enumerable.Range(1, users).ToArray(), Enumerable.Range(1, movies).ToArray(), entryUser, entryMovie, entryStars);
    }

    /// <summary>Twenty movies drawn by popularity, as a new user would have rated them.</summary>
    public static Dictionary<int, double> Profile(RatingMatrix matrix, int count, int seed)
    {
        var random = new Random(seed);
        var byPopularity = Enumerable.Range(0, matrix.MovieCount).OrderByDescending(matrix.RatingCountOf).Take(2_000).ToArray();
        var profile = new Dictionary<int, double>();
        while (profile.Count < count)
        {
            var movie = byPopularity[random.Next(byPopularity.Length)];
            profile.TryAdd(matrix.MovieId(movie), 0.5 * random.Next(2, 11));
        }

        return profile;
    }

    private static double[] ZipfCumulative(int n, double exponent)
    {
        var cumulative = new double[n];
        double sum = 0;
        for (var i = 0; i < n; i++)
        {
            sum += 1 / Math.Pow(i + 1, exponent);
            cumulative[i] = sum;
        }

        for (var i = 0; i < n; i++)
        {
            cumulative[i] /= sum;
        }

        return cumulative;
    }

    private static int Sample(double[] cumulative, Random random)
    {
        var index = Array.BinarySearch(cumulative, random.NextDouble());
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
