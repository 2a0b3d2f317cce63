using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using MovieRec.Domain;

namespace MovieRec.Benchmarks;

/// <summary>One recommendation on a synthetic matrix shaped like MovieLens 25M (162,541 users, 59,047 movies, 25M ratings).</summary>
[MemoryDiagnoser]
[MedianColumn]
public class MovieLens25MShapeBenchmarks
{
    private UserBasedRecommender _recommender = null!;
    private Dictionary<int, double> _twentyRatings = [];

    [GlobalSetup]
    public void Setup()
    {
        var clock = Stopwatch.StartNew();
        var matrix = SyntheticMovieLens.Generate(users: 162_541, movies: 59_047, ratings: 25_000_095, seed: 25);
        var generated = clock.Elapsed;
        _recommender = new UserBasedRecommender(matrix, new RecommenderOptions());
        _twentyRatings = SyntheticMovieLens.Profile(matrix, count: 20, seed: 7);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(
            $"// 25M-shaped: {matrix.UserCount} users, {matrix.MovieCount} movies, {matrix.RatingCount} ratings; " +
            $"generated in {generated.TotalSeconds:0.0} s, trained in {(clock.Elapsed - generated).TotalSeconds:0.0} s; " +
            $"working set {process.WorkingSet64 / (1024 * 1024)} MiB, managed heap {GC.GetTotalMemory(false) / (1024 * 1024)} MiB");
    }

    [Benchmark]
    public IReadOnlyList<Recommendation> RecommendFor20Ratings() => _recommender.Recommend(_twentyRatings, topN: 3);
}
