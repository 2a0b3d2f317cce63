using System.Diagnostics;
using System.Globalization;
using MovieRec.Domain;
using MovieRec.Evaluation;
using Spectre.Console;

namespace MovieRec.Cli;

/// <summary>
/// <c>movierec eval --protocol held-out-users --grid</c>: the search for the recommender's ranking
/// knobs on held-out users, on the validation folds of both datasets only. Coordinate ascent from
/// today's defaults: each knob in turn is tried at every value with the others held, the best kept,
/// until a whole round changes nothing. The objective is the mean over the two datasets of
/// MovieRec's validation nDCG@10 ÷ the tuned EASE's, so one setting serves both. The test folds are
/// scored once, after the choice.
/// </summary>
internal static class HeldOutUsersSearch
{
    private const int MaxRounds = 4;

    /// <summary>Where the search starts, so that it reproduces whatever the defaults are now: the ranking of 2026-11 (K = 50, liked-only votes, no shrink).</summary>
    private static readonly RecommenderOptions BeforeTheSearch = new()
    {
        RankingNeighbours = 50,
        RankingShrink = 0,
        EvidenceFrom = EvidenceFrom.RatersWhoLikedIt,
    };

    private static readonly int[] Neighbours = [10, 15, 20, 25, 35, 50, 100, 200, 400, 600];

    private static readonly (string Knob, Func<RecommenderOptions, IEnumerable<RecommenderOptions>> Values)[] Knobs =
    [
        ("film weighting", o => Enum.GetValues<FilmWeighting>().Select(w => o with { FilmWeighting = w })),
        ("neighbours K", o => Neighbours.Select(k => o with { RankingNeighbours = k })),
        ("shrink", o => new[] { 0.0, 2, 5, 10, 20, 50, 100 }.Select(s => o with { RankingShrink = s })),
        ("asymmetric α", o => new[] { 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9 }.Select(a => o with { RankingAlpha = a })),
        ("similarity power", o => new[] { 1.0, 1.5, 2, 3, 4 }.Select(p => o with { SimilarityPower = p })),
        ("evidence", o => Enum.GetValues<EvidenceFrom>().Select(e => o with { EvidenceFrom = e })),
        ("centring", o => Enum.GetValues<RankingSimilarity>().Select(r => o with { RankingSimilarity = r })),
    ];

    public static int Run(IReadOnlyList<EvaluationDataset> datasets, int seed, int given, bool markdown, string? plot)
    {
        var clock = Stopwatch.StartNew();
        var anchors = datasets.Select(d => HeldOutUsersReport.Choose(d, seed, given)).ToList();
        var cache = new Dictionary<RecommenderOptions, double[]>();
        var path = new List<string[]>();

        double[] Validate(RecommenderOptions options)
        {
            if (!cache.TryGetValue(options, out var ndcg))
            {
                var candidate = CollaborativeFiltering.ForPeople(Describe(options), options);
                ndcg = anchors.Select(a => HeldOutChoice.Rank([candidate], a.Validation)[0].Ndcg).ToArray();
                cache[options] = ndcg;
            }

            return ndcg;
        }

        double Objective(RecommenderOptions options) => Validate(options).Zip(anchors, (n, a) => n / a.EaseValidationNdcg).Average();

        var best = BeforeTheSearch;
        path.Add(Row("start (the ranking before this search)", best));
        for (var round = 1; round <= MaxRounds; round++)
        {
            var changed = false;
            foreach (var (knob, values) in Knobs)
            {
                var tried = values(best).ToList();
                foreach (var option in tried)
                {
                    Objective(option);
                }

                var winner = tried.OrderByDescending(Objective).ThenBy(tried.IndexOf).First();
                if (Objective(winner) > Objective(best))
                {
                    best = winner;
                    changed = true;
                    path.Add(Row($"round {round}: {knob}", best));
                }
            }

            Console.Error.WriteLine($"Round {round}: {cache.Count} settings tried, {clock.Elapsed.TotalSeconds:0} s.");
            if (!changed)
            {
                break;
            }
        }

        ResultTable.Print(markdown,
            $"The search (validation folds only, seed {seed}; objective = mean over {string.Join(" and ", datasets.Select(d => d.Name))} of nDCG@10 ÷ the tuned EASE's): each step that improved it; {cache.Count} settings tried",
            ["Step", "Setting", .. datasets.Select(d => $"{d.Name} nDCG@10"), "× EASE (mean)"],
            path);

        // Around the choice: K for each film weighting, the rest as chosen.
        var curves = Enum.GetValues<FilmWeighting>()
            .Select(w => (Name: $"{w}", Ratios: (IReadOnlyList<double>)Neighbours.Select(k => Objective(best with { FilmWeighting = w, RankingNeighbours = k })).ToList()))
            .ToList();
        ResultTable.Print(markdown,
            $"Around the choice (validation): × EASE (mean of both datasets) by neighbours K and film weighting, the other knobs as chosen",
            ["Film weighting", .. Neighbours.Select(k => $"K={k}")],
            curves.Select(c => new[] { c.Name }.Concat(c.Ratios.Select(r => r.ToString("0.000", CultureInfo.InvariantCulture))).ToArray()));
        if (plot is not null)
        {
            LinePlot.Write(plot, "Validation: MovieRec nDCG@10 ÷ EASE's (mean of both datasets)", "neighbours K", "× EASE",
                curves.Select(c => (c.Name, c.Ratios)), Neighbours.Select(k => (double)k).ToArray());
            AnsiConsole.MarkupLineInterpolated($"Wrote [green]{plot}[/].");
        }

        foreach (var a in anchors)
        {
            HeldOutUsersReport.PrintTest(a, [
                CollaborativeFiltering.ForPeople($"MovieRec before the search ({Describe(BeforeTheSearch)})", BeforeTheSearch),
                CollaborativeFiltering.ForPeople($"MovieRec, chosen ({Describe(best)})", best)], markdown);
        }

        Console.WriteLine(best == new RecommenderOptions() ? "The chosen setting is the recommender's defaults." : "The chosen setting differs from the recommender's defaults.");
        AnsiConsole.WriteLine($"Searched in {clock.Elapsed.TotalSeconds:0.0} s.");
        return 0;

        string[] Row(string step, RecommenderOptions options) =>
            [step, Describe(options), .. Validate(options).Select(HeldOutUsersReport.F), Objective(options).ToString("0.000", CultureInfo.InvariantCulture)];
    }

    /// <summary>The ranking's knobs, as the search moves them.</summary>
    internal static string Describe(RecommenderOptions o) => string.Create(
        CultureInfo.InvariantCulture,
        $"{o.RankingSimilarity} {o.FilmWeighting}, K={o.RankingNeighbours}, shrink={o.RankingShrink}, α={o.RankingAlpha}, power={o.SimilarityPower}, {o.EvidenceFrom}");
}
