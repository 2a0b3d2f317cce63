using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using MovieRec.Domain;
using MovieRec.Evaluation;
using Spectre.Console;

namespace MovieRec.Cli;

/// <summary><c>movierec eval</c>: the offline evaluation of docs/quality.md.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds.", DefaultValueFactory = _ => 5 };
        var seed = new Option<int>("--seed") { Description = "Seed of the shuffles.", DefaultValueFactory = _ => 42 };
        var grid = new Option<bool>("--grid") { Description = "Also evaluate the variants the defaults were chosen from." };
        var markdown = new Option<bool>("--markdown") { Description = "Print Markdown tables (for docs/quality.md)." };
        var command = new Command("eval", "Cross-validated RMSE/MAE and top-10 precision, recall and nDCG against baselines.");
        command.Options.Add(folds);
        command.Options.Add(seed);
        command.Options.Add(grid);
        command.Options.Add(markdown);
        command.SetAction((parse, _) => Failure.ReportAsync(() => Task.FromResult(
            Run(parse.GetValue(folds), parse.GetValue(seed), parse.GetValue(grid), parse.GetValue(markdown)))));
        return command;
    }

    private static int Run(int folds, int seed, bool grid, bool markdown)
    {
        if (folds < 2)
        {
            throw new ArgumentException("--folds must be at least 2.");
        }

        var dataset = MovieLensReader.ReadFolder(Settings.MovieLensFolder);
        var evaluation = new OfflineEvaluation(dataset.Ratings);
        var defaults = new RecommenderOptions();
        var chosen = CollaborativeFiltering.Candidate($"User-based cosine CF (defaults: {Describe(defaults)})", defaults);

        var clock = Stopwatch.StartNew();
        // Models that only rank (most popular) predict no stars and have no accuracy row.
        var accuracy = evaluation.CrossValidate([.. Baselines.All, chosen, .. (grid ? AccuracyGrid() : [])], folds, seed)
            .Where(r => r.Predictions > 0)
            .ToList();
        Print(markdown, $"Rating prediction, {folds}-fold cross-validation (seed {seed})", ["Model", "RMSE", "MAE", "Predictions"],
            accuracy.Select(r => new[] { r.Name, F(r.Rmse), F(r.Mae), r.Predictions.ToString(CultureInfo.InvariantCulture) }));

        var topN = evaluation.TopN([.. Baselines.All, chosen, .. (grid ? TopNGrid() : [])], n: 10, holdoutShare: 0.2, seed);
        Print(markdown, $"Top-10, 20% of each user's ratings held out (seed {seed}; relevant = held-out rating >= 4; {topN[0].Users} users)",
            ["Model", "Precision@10", "Recall@10", "nDCG@10"],
            topN.Select(r => new[] { r.Name, F(r.Precision), F(r.Recall), F(r.Ndcg) }));
        AnsiConsole.WriteLine($"Evaluated in {clock.Elapsed.TotalSeconds:0.0} s.");
        return 0;
    }

    // The variants docs/quality.md compares the defaults with: one knob moved at a time.
    private static IEnumerable<Candidate> AccuracyGrid()
    {
        var defaults = new RecommenderOptions();
        yield return Variant(defaults with { Centering = Centering.None });
        yield return Variant(defaults with { Centering = Centering.UserMean });
        foreach (var k in new[] { 30, 60, 100 })
        {
            foreach (var shrinkage in new[] { 0, 0.25, 1, 2 })
            {
                yield return Variant(defaults with { Neighbours = k, PredictionShrinkage = shrinkage, MinSupport = Math.Min(k, defaults.MinSupport) });
            }
        }
    }

    private static IEnumerable<Candidate> TopNGrid()
    {
        var defaults = new RecommenderOptions();
        yield return Variant(defaults with { Centering = Centering.None });
        yield return Variant(defaults with { Centering = Centering.UserMean });
        foreach (var support in new[] { 5, 20, 40, 80 })
        {
            yield return Variant(defaults with { MinSupport = support });
        }

        yield return Variant(defaults with { Neighbours = 60 });
        foreach (var shrinkage in new[] { 0, 0.25, 2 })
        {
            yield return Variant(defaults with { PredictionShrinkage = shrinkage });
        }
    }

    private static Candidate Variant(RecommenderOptions options) => CollaborativeFiltering.Candidate($"CF {Describe(options)}", options);

    private static string Describe(RecommenderOptions o) => string.Create(
        CultureInfo.InvariantCulture,
        $"{o.Centering}, k={o.Neighbours}, support>={o.MinSupport}, shrinkage={o.PredictionShrinkage}");

    private static string F(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    private static void Print(bool markdown, string title, string[] columns, IEnumerable<string[]> rows)
    {
        if (markdown)
        {
            Console.WriteLine($"**{title}**");
            Console.WriteLine();
            Console.WriteLine($"| {string.Join(" | ", columns)} |");
            Console.WriteLine($"|{string.Join("|", columns.Select((_, i) => i == 0 ? " --- " : " ---: "))}|");
            foreach (var row in rows)
            {
                Console.WriteLine($"| {string.Join(" | ", row)} |");
            }

            Console.WriteLine();
            return;
        }

        var table = new Table { Title = new TableTitle(Markup.Escape(title)) }.AddColumns(columns);
        foreach (var row in rows)
        {
            table.AddRow(row.Select(Markup.Escape).ToArray());
        }

        AnsiConsole.Write(table);
    }
}
