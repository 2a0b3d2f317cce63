using System.Diagnostics;
using System.Globalization;
using MovieRec.DataFiles;
using MovieRec.Domain;
using MovieRec.Service;

namespace MovieRec.Benchmarks;

/// <summary>
/// A community of a MovieLens-25M shape (162,541 people, 25M ratings) over ml-latest-small's
/// films: the snapshot's size, the time to write it, and the time an instance takes to read it
/// and make the model it swaps in (medians of three), with the memory that model holds.
/// </summary>
internal static class CommunitySnapshotSize
{
    private const int Runs = 3;

    public static int Run(int people, long ratings)
    {
        var movieLens = RecommendationModel.Load(DataFolder.MovieLens(), new RecommenderOptions());
        var shape = SyntheticMovieLens.Generate(people, movieLens.Ratings.MovieCount, ratings, seed: 42);
        var community = CommunityRatings.Empty.With(Enumerable.Range(0, shape.UserCount).Select(u =>
        {
            var movies = shape.MoviesRatedBy(u);
            var stars = shape.StarsGivenBy(u);
            var row = new Dictionary<int, double>(movies.Length);
            for (var i = 0; i < movies.Length; i++)
            {
                row[movieLens.Ratings.MovieId(movies[i])] = stars[i];
            }

            return ((1_000_000_000L + u).ToString(CultureInfo.InvariantCulture), (IReadOnlyDictionary<int, double>)row);
        }));
        var now = DateTimeOffset.UtcNow;
        var snapshot = new CommunitySnapshot(1, now, now, now, community);

        var writes = new List<double>();
        var loads = new List<double>();
        byte[] bytes = [];
        RecommendationModel? loaded = null;
        for (var run = 0; run < Runs; run++)
        {
            var clock = Stopwatch.StartNew();
            bytes = CommunitySnapshotEncoding.ToBytes(snapshot);
            writes.Add(clock.Elapsed.TotalMilliseconds);
            loaded = null;
            GC.Collect();
            var before = GC.GetTotalMemory(forceFullCollection: true);
            clock.Restart();
            loaded = movieLens.WithCommunity(CommunitySnapshotEncoding.FromBytes(bytes));
            loads.Add(clock.Elapsed.TotalMilliseconds);
            if (run == Runs - 1)
            {
                var held = GC.GetTotalMemory(forceFullCollection: true) - before;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"model with the community holds {held / 1e6:0} MB beyond what was live before"));
            }
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"community {community.UserCount:N0} people, {community.RatingCount:N0} ratings; pool {loaded!.Ratings.UserCount:N0} users, {loaded.Ratings.RatingCount:N0} ratings"));
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"snapshot {bytes.Length / 1e6:0.0} MB; written in {Median(writes):0} ms; read and made into a model in {Median(loads):0} ms (medians of {Runs})"));
        return 0;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
