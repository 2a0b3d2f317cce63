using BenchmarkDotNet.Attributes;
using MovieRec.DataFiles;
using MovieRec.Domain;

namespace MovieRec.Benchmarks;

/// <summary>ml-latest-small: reading the CSVs into the matrix, training, one recommendation and one offer.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class MovieLensSmallBenchmarks
{
    private string _folder = "";
    private UserBasedRecommender _recommender = null!;
    private Dictionary<int, double> _twentyRatings = [];
    private MovieOffer _offer = null!;
    private Dictionary<int, double> _tenRatings = [];
    private HashSet<int> _tenRatingsAndThirtySkips = [];
    private readonly Random _random = new(7);

    [GlobalSetup]
    public void Setup()
    {
        _folder = DataFolder.MovieLens();
        var dataset = MovieLensReader.ReadFolder(_folder);
        _recommender = new UserBasedRecommender(dataset.Ratings, new RecommenderOptions());
        _twentyRatings = SyntheticMovieLens.Profile(dataset.Ratings, count: 20, seed: 7);
        _offer = new MovieOffer(dataset.Catalog, _recommender, new UnratedMoviePicker(dataset.Catalog, dataset.Ratings));
        var forty = SyntheticMovieLens.Profile(dataset.Ratings, count: 40, seed: 7);
        _tenRatings = forty.Take(10).ToDictionary();
        _tenRatingsAndThirtySkips = [.. forty.Keys];
    }

    [Benchmark]
    public MovieLensDataset LoadMatrixFromCsv() => MovieLensReader.ReadFolder(_folder);

    [Benchmark]
    public UserBasedRecommender TrainRecommender() => new(_recommender.Matrix, new RecommenderOptions());

    [Benchmark]
    public IReadOnlyList<Recommendation> RecommendFor20Ratings() => _recommender.Recommend(_twentyRatings, topN: 3);

    /// <summary>/get_unrated_movie late in a newcomer's flow: ten ratings and thirty skips.</summary>
    [Benchmark]
    public Movie? OfferAfter10RatingsAnd30Skips() => _offer.Pick(_tenRatings, _tenRatingsAndThirtySkips, _random);
}
