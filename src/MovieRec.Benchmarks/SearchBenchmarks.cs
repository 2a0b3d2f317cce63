using BenchmarkDotNet.Attributes;
using MovieRec.DataFiles;
using MovieRec.Domain;

namespace MovieRec.Benchmarks;

/// <summary>
/// Title search (docs/performance.md): one query on ml-latest-small's 9,742 titles, and on a
/// 62,000-title catalogue (MovieLens 32M's size) made from ml-latest-small's title words plus one
/// invented word in every other title (about 26,000 invented words beside the real ones).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class SearchBenchmarks
{
    private MovieSearch _small = null!;
    private MovieSearch _large = null!;

    [Params("the matrix", "matrx 1999", "lord of the rings", "godfathr part", "amelie")]
    public string Query { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var dataset = MovieLensReader.ReadFolder(DataFolder.MovieLens());
        int RatersOf(int id) => dataset.Ratings.TryGetMovieIndex(id, out var m) ? dataset.Ratings.RatingCountOf(m) : 0;
        _small = new MovieSearch(dataset.Catalog.Movies, RatersOf);
        _large = new MovieSearch(LargeCatalogue(dataset.Catalog, 62_000, seed: 3), id => id % 97);
    }

    [Benchmark]
    public IReadOnlyList<Movie> MovieLensSmall() => _small.Find(Query, 5);

    [Benchmark]
    public IReadOnlyList<Movie> SixtyTwoThousandTitles() => _large.Find(Query, 5);

    /// <summary>The real titles, then made-up ones of their words until there are <paramref name="count"/>.</summary>
    public static IReadOnlyList<Movie> LargeCatalogue(MovieCatalog catalog, int count, int seed)
    {
        var random = new Random(seed);
        var words = catalog.Movies.SelectMany(m => TitleWords.Of(TitleWords.WithoutYear(m.Title))).Distinct().ToArray();
        var movies = new List<Movie>(catalog.Movies);
        for (var id = 1_000_000; movies.Count < count; id++)
        {
            var title = string.Join(' ', Enumerable.Range(0, 1 + random.Next(4)).Select(_ => words[random.Next(words.Length)]));
            if (random.Next(2) == 0)
            {
                title += " " + new string([.. Enumerable.Range(0, 4 + random.Next(7)).Select(_ => (char)('a' + random.Next(26)))]);
            }

            movies.Add(new Movie(id, $"{title} ({1900 + random.Next(125)})", "Drama", null));
        }

        return movies;
    }
}
