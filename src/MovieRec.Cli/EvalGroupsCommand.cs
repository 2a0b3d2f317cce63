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
    private static readonly string[] Baselines = [GroupEvaluation.MostPopular, GroupEvaluation.OneMembersList];

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
        var plot = new Option<string?>("--plot") { Description = "Write PNGs of nDCG@10 by group size for the default strategy and the baselines: random groups to this path, similar groups beside it (-similar)." };
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
        ResultTable.Print(markdown, $"{dataset.Name}: validation groups, averaged over sizes and groupings (seeds {string.Join(", ", seeds)})",
            ["Method", "Mean nDCG@10", "Worst member's nDCG@10", "(Mean + worst) / 2"],
            GroupEvaluation.Methods.Select(method =>
            {
                var scores = result.Validation.Select(cell => cell.Scores.Single(s => s.Method == method)).ToList();
                var (mean, worst) = (scores.Average(s => s.MeanNdcg), scores.Average(s => s.WorstNdcg));
                return new[] { method == chosen ? $"{method} (chosen)" : method, F(mean), F(worst), F((mean + worst) / 2) };
            }));

        ResultTable.Print(markdown,
            $"{dataset.Name}: test groups, members' mean nDCG@10 / worst member's nDCG@10 ({groups} groups per row and seed, seeds {string.Join(", ", seeds)}; {given} given ratings each)",
            ["Size", "Grouping", "Pair cosine", .. GroupEvaluation.Methods.Select(m => m == chosen ? $"{m} (default)" : m)],
            result.Test.Select(cell => (string[])
            [
                cell.Size.ToString(CultureInfo.InvariantCulture),
                cell.Grouping == Grouping.Random ? "random" : "similar",
                cell.MeanCosine.ToString("0.00", CultureInfo.InvariantCulture),
                .. cell.Scores.Select(s => $"{F(s.MeanNdcg)} / {F(s.WorstNdcg)}"),
            ]),
            textColumns: 2);

        ResultTable.Print(markdown,
            $"{dataset.Name}: how far {chosen} is ahead on the same test groups (mean difference ± one standard error)",
            ["Size", "Grouping", .. Baselines.SelectMany(b => new[] { $"Mean, over {b.ToLowerInvariant()}", $"Worst member, over {b.ToLowerInvariant()}" })],
            result.Test.Select(cell => (string[])
            [
                cell.Size.ToString(CultureInfo.InvariantCulture),
                cell.Grouping == Grouping.Random ? "random" : "similar",
                .. Baselines.Select(b => cell.Lead(chosen, b))
                    .SelectMany(lead => new[] { $"{Signed(lead.Mean)} ± {F(lead.MeanError)}", $"{Signed(lead.Worst)} ± {F(lead.WorstError)}" }),
            ]),
            textColumns: 2);

        var behind = result.Test
            .SelectMany(cell => Baselines.Select(baseline => (cell, baseline, lead: cell.Lead(chosen, baseline))))
            .Where(x => x.lead.Mean <= 0 || x.lead.Worst <= 0)
            .Select(x => $"{x.cell.Size} {x.cell.Grouping.ToString().ToLowerInvariant()} against {x.baseline.ToLowerInvariant()}")
            .ToList();
        Console.WriteLine(behind.Count == 0
            ? $"{chosen} is ahead of both baselines on mean and worst member's nDCG@10 in every test row."
            : $"{chosen} is not ahead on both measures in: {string.Join("; ", behind)}.");

        if (plot is not null)
        {
            foreach (var grouping in Enum.GetValues<Grouping>())
            {
                var path = grouping == Grouping.Random ? plot : Path.ChangeExtension(plot, null) + "-similar" + Path.GetExtension(plot);
                var cells = result.Test.Where(c => c.Grouping == grouping).OrderBy(c => c.Size).ToList();
                LinePlot.Write(
                    path,
                    $"{dataset.Name}: nDCG@10 of {grouping.ToString().ToLowerInvariant()} test groups by size",
                    "Group size",
                    "nDCG@10",
                    from method in (string[])[chosen, .. Baselines]
                    from worst in Both
                    select ($"{method}: {(worst ? "worst member" : "members' mean")}",
                        (IReadOnlyList<double>)[.. cells.Select(c => Score(c, method)).Select(s => worst ? s.WorstNdcg : s.MeanNdcg)]),
                    [.. cells.Select(c => (double)c.Size)]);
                AnsiConsole.MarkupLineInterpolated($"Wrote [green]{path}[/].");
            }
        }

        AnsiConsole.WriteLine($"Evaluated in {clock.Elapsed.TotalSeconds:0.0} s.");
        return 0;
    }

    private static GroupMethodScore Score(GroupCell cell, string method) => cell.Scores.Single(s => s.Method == method);

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Signed(double value) => value.ToString("+0.000;−0.000;0.000", CultureInfo.InvariantCulture);
}
