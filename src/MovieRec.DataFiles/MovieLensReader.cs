using System.Globalization;
using CsvHelper.Configuration;
using CsvHelper;
using MovieRec.Domain;

namespace MovieRec.DataFiles;

/// <summary>Reads ml-latest-small's <c>movies.csv</c>, <c>links.csv</c> and <c>ratings.csv</c> with CsvHelper.</summary>
public static class MovieLensReader
{
    /// <summary>The CSV files the product reads from a MovieLens folder.</summary>
    public static readonly IReadOnlyList<string> RequiredFiles = ["movies.csv", "links.csv", "ratings.csv"];

    private static readonly CsvConfiguration Csv = new(CultureInfo.InvariantCulture)
    {
        HasHeaderRecord = true,
        DetectColumnCountChanges = true,
    };

    public static MovieLensDataset ReadFolder(string folder)
    {
        foreach (var file in MovieLensReader.RequiredFiles)
        {
            var path = Path.Combine(folder, file);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException(
                    $"{path} is missing. Run `movierec data fetch` (or scripts/fetch-data.sh) first.", path);
            }
        }

        using var movies = File.OpenText(Path.Combine(folder, "movies.csv"));
        using var links = File.OpenText(Path.Combine(folder, "links.csv"));
        using var ratings = File.OpenText(Path.Combine(folder, "ratings.csv"));
        return Read(movies, links, ratings);
    }

    public static MovieLensDataset Read(TextReader movies, TextReader links, TextReader ratings)
    {
        var imdbIds = ReadLinks(links);
        var catalog = new MovieCatalog(ReadMovies(movies, imdbIds));
        var matrix = ReadRatings(ratings).Build(catalog.Movies.Select(m => m.Id));
        return new MovieLensDataset(catalog, matrix);
    }

    internal static IEnumerable<Movie> ReadMovies(TextReader reader, IReadOnlyDictionary<int, int> imdbIds)
    {
        using var csv = new CsvReader(reader, Csv, leaveOpen: true);
        ExpectHeader(csv, "movies.csv", "movieId", "title", "genres");
        var movies = new List<Movie>();
        while (csv.Read())
        {
            var id = ParseInt(csv, 0, "movies.csv");
            var title = csv.GetField(1)!;
            var genres = csv.GetField(2)!;
            movies.Add(new Movie(id, title, genres, imdbIds.TryGetValue(id, out var imdb) ? imdb : null));
        }

        return movies;
    }

    internal static Dictionary<int, int> ReadLinks(TextReader reader)
    {
        using var csv = new CsvReader(reader, Csv, leaveOpen: true);
        ExpectHeader(csv, "links.csv", "movieId", "imdbId", "tmdbId");
        var imdbIds = new Dictionary<int, int>();
        while (csv.Read())
        {
            var movieId = ParseInt(csv, 0, "links.csv");
            var imdb = csv.GetField(1);
            if (!string.IsNullOrEmpty(imdb))
            {
                imdbIds[movieId] = ParseInt(csv, 1, "links.csv");
            }
        }

        return imdbIds;
    }

    internal static RatingMatrixBuilder ReadRatings(TextReader reader)
    {
        using var csv = new CsvReader(reader, Csv, leaveOpen: true);
        ExpectHeader(csv, "ratings.csv", "userId", "movieId", "rating", "timestamp");
        var builder = new RatingMatrixBuilder();
        while (csv.Read())
        {
            var userId = ParseInt(csv, 0, "ratings.csv");
            var movieId = ParseInt(csv, 1, "ratings.csv");
            var field = csv.GetField(2);
            if (!float.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var stars) || !StarScale.IsValid(stars))
            {
                throw new InvalidDataException($"ratings.csv row {csv.Parser.Row}: '{field}' is not a rating from 0.5 to 5 in half stars.");
            }

            builder.Add(userId, movieId, stars);
        }

        return builder;
    }

    private static void ExpectHeader(CsvReader csv, string file, params string[] columns)
    {
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null || !csv.HeaderRecord.SequenceEqual(columns))
        {
            throw new InvalidDataException($"{file} does not start with the header '{string.Join(',', columns)}'.");
        }
    }

    private static int ParseInt(CsvReader csv, int column, string file)
    {
        var field = csv.GetField(column);
        if (!int.TryParse(field, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            throw new InvalidDataException($"{file} row {csv.Parser.Row}: '{field}' is not a whole number.");
        }

        return value;
    }
}
