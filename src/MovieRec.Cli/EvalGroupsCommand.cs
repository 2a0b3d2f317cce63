using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using MovieRec.DataFetch;
using MovieRec.Domain;
using MovieRec.Evaluation;
using Spectre.Console;

namespace MovieRec.Cli;

/// <summary><c>movierec eval-groups</c>: group recommendations for held-out people, by strategy, against two baselines (docs/quality.md, "Groups").</summary>
internal static class EvalGroupsCommand
{
    private static readonly bool[] Both = [false, true];

    public static Command Create()
    {
        var dataset = new Option<string>("--dataset")
        {
            Description = $"{PinnedChecksums.LatestSmall} or {PinnedChecksums.Hundred}.",
            DefaultValueFactory = _ => PinnedChecksums.LatestSmall,
        };
        dataset.AcceptOnlyFromAmong(PinnedChecksums.LatestSmall, PinnedChecksums.Hundred);
        var seeds = new Option<int[]>("--seed") { Description = "Seeds of the splits and the groups; the groups of every seed are pooled.", DefaultValueFactory = _ => [42, 7], AllowMultipleArgumentsPerToken = true };
        var groups = new Option<int>("--groups") { Description = "Groups per size, grouping and seed.", DefaultValueFactory = _ => 200 };
        var given = new Option<int>("--given") { Description = "Ratings each held-out member gives the recommender; the rest are their truth.", DefaultValueFactory = _ => 20 };
        var markdown = new Option<bool>("--markdown") { Description = "Print Markdown tables (for docs/quality.md)." };
        var plot = new Option<string?>("--plot") { Description = "Write a PNG of nDCG@10 by group size for the default strategy and the baselines." };
        var command = new Command("eval-groups", "Group lists for held-out people: members' mean and worst member's nDCG@10 by strategy, group size and grouping.");
        foreach (var option in new Option[] { dataset, seeds, groups, given, markdown, plot })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, _) => Failure.ReportAsync(() => Task.FromResult(Run(
            parse.GetValue(dataset)!, parse.GetValue(seeds)!, parse.GetValue(groups), parse.GetValue(given), parse.GetValue(markdown), parse.GetValue(plot)))));
        return command;
    }

    private static int Run(string datasetName, int[] seeds, int groups, int given, bool markdown, string? plot)
    {
        if (seeds.Length == 0 || groups < 1 || given < 1)
        {
            throw new ArgumentException("--seed needs a value, --groups and --given must be at least 1.");
        }

        var clock = Stopwatch.StartNew();
        var dataset = EvalCommand.Read(datasetName);
        var evaluation = new GroupEvaluation { GroupsPerCell = groups, GivenRatings = given };
        var result = evaluation.Run(dataset.Ratings, seeds, new RecommenderOptions());
        var chosen = GroupEvaluation.NameOf(result.Default);

        foreach (var split in result.Splits)
        {
            Console.WriteLine($"{dataset.Name}, seed {split.Seed}: {split.TrainUsers} users train the recommender; {split.ValidationPeople} validation and {split.TestPeople} test people have something relevant beyond their {given} given ratings.");
        }

        Console.WriteLine();
        Print(markdown, $"{dataset.Name}: validation groups, averaged over sizes and groupings (seeds {string.Join(", ", seeds)})",
            1,
            ["Method", "Mean nDCG@10", "Worst member's nDCG@10", "(Mean + worst) / 2"],
            GroupEvaluation.Methods.Select(method =>
            {
                var scores = result.Validation.Select(cell => cell.Scores.Single(s => s.Method == method)).ToList();
                var (mean, worst) = (scores.Average(s => s.MeanNdcg), scores.Average(s => s.WorstNdcg));
                return new[] { method == chosen ? $"{method} (chosen)" : method, F(mean), F(worst), F((mean + worst) / 2) };
            }));

        Print(markdown,
            $"{dataset.Name}: test groups, members' mean nDCG@10 / worst member's nDCG@10 ({groups} groups per row and seed, seeds {string.Join(", ", seeds)}; {given} given ratings each)",
            2,
            ["Size", "Grouping", "Pair cosine", .. GroupEvaluation.Methods.Select(m => m == chosen ? $"{m} (default)" : m)],
            result.Test.Select(cell => (string[])
            [
                cell.Size.ToString(CultureInfo.InvariantCulture),
                cell.Grouping == Grouping.Random ? "random" : "similar",
                cell.MeanCosine.ToString("0.00", CultureInfo.InvariantCulture),
                .. cell.Scores.Select(s => $"{F(s.MeanNdcg)} / {F(s.WorstNdcg)}"),
            ]));

        var behind = result.Test
            .SelectMany(cell => new[] { GroupEvaluation.MostPopular, GroupEvaluation.OneMembersList }.Select(baseline => (cell, baseline)))
            .Where(x => Score(x.cell, chosen).MeanNdcg <= Score(x.cell, x.baseline).MeanNdcg || Score(x.cell, chosen).WorstNdcg <= Score(x.cell, x.baseline).WorstNdcg)
            .Select(x => $"{x.cell.Size} {x.cell.Grouping.ToString().ToLowerInvariant()} against {x.baseline.ToLowerInvariant()}")
            .ToList();
        Console.WriteLine(behind.Count == 0
            ? $"{chosen} is ahead of both baselines on mean and worst member's nDCG@10 in every test row."
            : $"{chosen} is not ahead on both measures in: {string.Join("; ", behind)}.");

        if (plot is not null)
        {
            var sizes = result.Test.Select(c => c.Size).Distinct().Select(s => (double)s).ToList();
            LinePlot.Write(
                plot,
                $"{dataset.Name}: test groups' nDCG@10 by group size",
                "Group size",
                "nDCG@10",
                from grouping in Enum.GetValues<Grouping>()
                from method in new[] { chosen, GroupEvaluation.MostPopular, GroupEvaluation.OneMembersList }
                from worst in Both
                let cells = result.Test.Where(c => c.Grouping == grouping).OrderBy(c => c.Size).Select(c => Score(c, method)).ToList()
                select ($"{method}, {grouping.ToString().ToLowerInvariant()} groups: {(worst ? "worst member" : "mean")}",
                    (IReadOnlyList<double>)[.. cells.Select(s => worst ? s.WorstNdcg : s.MeanNdcg)]),
                sizes);
            AnsiConsole.MarkupLineInterpolated($"Wrote [green]{plot}[/].");
        }

        AnsiConsole.WriteLine($"Evaluated in {clock.Elapsed.TotalSeconds:0.0} s.");
        return 0;
    }

    private static GroupMethodScore Score(GroupCell cell, string method) => cell.Scores.Single(s => s.Method == method);

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>A table; the first <paramref name="textColumns"/> columns are left-aligned, the numbers after them right-aligned.</summary>
    private static void Print(bool markdown, string title, int textColumns, string[] columns, IEnumerable<string[]> rows)
    {
        if (markdown)
        {
            Console.WriteLine($"**{title}**");
            Console.WriteLine();
            Console.WriteLine($"| {string.Join(" | ", columns)} |");
            Console.WriteLine($"|{string.Join("|", columns.Select((_, i) => i < textColumns ? " --- " : " ---: "))}|");
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
