using BenchmarkDotNet.Attributes;
using MovieRec.DataFiles;
using MovieRec.Domain;

namespace MovieRec.Benchmarks;

/// <summary>ml-latest-small: reading the CSVs into the matrix, training, and one recommendation.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class MovieLensSmallBenchmarks
{
    private string _folder = "";
    private UserBasedRecommender _recommender = null!;
    private Dictionary<int, double> _twentyRatings = [];

    [GlobalSetup]
    public void Setup()
    {
        _folder = DataFolder.MovieLens();
        var dataset = MovieLensReader.ReadFolder(_folder);
        _recommender = new UserBasedRecommender(dataset.Ratings, new RecommenderOptions());
        _twentyRatings = SyntheticMovieLens.Profile(dataset.Ratings, count: 20, seed: 7);
    }

    [Benchmark]
    public MovieLensDataset LoadMatrixFromCsv() => MovieLensReader.ReadFolder(_folder);

    [Benchmark]
    public UserBasedRecommender TrainRecommender() => new(_recommender.Matrix, new RecommenderOptions());

    [Benchmark]
    public IReadOnlyList<Recommendation> RecommendFor20Ratings() => _recommender.Recommend(_twentyRatings, topN: 3);
}
