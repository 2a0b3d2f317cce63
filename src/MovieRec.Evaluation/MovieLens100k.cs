using System.Globalization;
using System.Text;
using MovieRec.Domain;

namespace MovieRec.Evaluation;

/// <summary>
/// MovieLens 100K (1998) for evaluation: <c>u.data</c> (tab-separated user, item, rating,
/// timestamp), <c>u.item</c> (pipe-separated, Latin-1 titles) and the published folds
/// <c>u1.test</c> … <c>u5.test</c>, which partition u.data and are what most results are quoted on.
/// </summary>
public static class MovieLens100k
{
    public const int PublishedFolds = 5;

    public static IReadOnlyList<string> RequiredFiles { get; } =
        ["u.data", "u.item", .. Enumerable.Range(1, PublishedFolds).SelectMany(f => new[] { $"u{f}.base", $"u{f}.test" })];

    private static readonly Encoding Latin1 = Encoding.Latin1;

    public static EvaluationDataset ReadFolder(string folder)
    {
        foreach (var file in RequiredFiles)
        {
            if (!File.Exists(Path.Combine(folder, file)))
            {
                throw new FileNotFoundException(
                    $"{Path.Combine(folder, file)} is missing. Run `movierec data fetch --dataset ml-100k` first.", file);
            }
        }

        var titles = new List<Movie>();
        foreach (var line in File.ReadLines(Path.Combine(folder, "u.item"), Latin1))
        {
            var fields = line.Split('|');
            if (fields.Length < 2)
            {
                continue;
            }

            titles.Add(new Movie(ParseInt(fields[0], "u.item"), fields[1], "", null));
        }

        var catalog = new MovieCatalog(titles);
        var builder = new RatingMatrixBuilder();
        foreach (var (user, movie, stars) in ReadRatings(Path.Combine(folder, "u.data")))
        {
            builder.Add(user, movie, stars);
        }

        var foldOf = new Dictionary<(int UserId, int MovieId), int>();
        for (var f = 0; f < PublishedFolds; f++)
        {
            foreach (var (user, movie, _) in ReadRatings(Path.Combine(folder, $"u{f + 1}.test")))
            {
                foldOf[(user, movie)] = f;
            }
        }

        return new EvaluationDataset("ml-100k", catalog, builder.Build(catalog.Movies.Select(m => m.Id)), foldOf);
    }

    private static IEnumerable<(int User, int Movie, float Stars)> ReadRatings(string path)
    {
        var file = Path.GetFileName(path);
        foreach (var line in File.ReadLines(path, Latin1))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length < 3)
            {
                throw new InvalidDataException($"{file}: '{line}' is not 'user<TAB>item<TAB>rating<TAB>timestamp'.");
            }

            yield return (ParseInt(fields[0], file), ParseInt(fields[1], file), ParseInt(fields[2], file));
        }
    }

    private static int ParseInt(string field, string file) =>
        int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidDataException($"{file}: '{field}' is not a whole number.");
}
