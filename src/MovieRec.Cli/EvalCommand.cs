using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using MovieRec.DataFetch;
using MovieRec.Domain;
using MovieRec.Evaluation;
using Spectre.Console;

namespace MovieRec.Cli;

/// <summary><c>movierec eval</c>: the offline evaluation of docs/quality.md.</summary>
internal static class EvalCommand
{
    private const string KFold = "k-fold";
    private const string HeldOutUsersProtocol = "held-out-users";

    public static Command Create()
    {
        var dataset = new Option<string>("--dataset")
        {
            Description = $"{PinnedChecksums.LatestSmall} (5 seeded folds) or {PinnedChecksums.Hundred} (its published u1-u5 folds).",
            DefaultValueFactory = _ => PinnedChecksums.LatestSmall,
        };
        dataset.AcceptOnlyFromAmong(PinnedChecksums.LatestSmall, PinnedChecksums.Hundred);
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds (ml-latest-small).", DefaultValueFactory = _ => 5 };
        var seed = new Option<int>("--seed") { Description = "Seed of the shuffles.", DefaultValueFactory = _ => 42 };
        var grid = new Option<bool>("--grid") { Description = "Also evaluate the variants the defaults were chosen from." };
        var markdown = new Option<bool>("--markdown") { Description = "Print Markdown tables (for docs/quality.md)." };
        var plot = new Option<string?>("--plot") { Description = "Write a PNG of nDCG@N, N = 1…20, for the defaults and the baselines." };
        var protocol = new Option<string>("--protocol")
        {
            Description = $"{KFold}: ratings held out within each user (the default); {HeldOutUsersProtocol}: people no model saw, against EASE, RP3β and item kNN.",
            DefaultValueFactory = _ => KFold,
        };
        protocol.AcceptOnlyFromAmong(KFold, HeldOutUsersProtocol);
        var given = new Option<int>("--given") { Description = $"{HeldOutUsersProtocol}: how many ratings each held-out person gives.", DefaultValueFactory = _ => 20 };
        var command = new Command("eval", "Cross-validated RMSE/MAE and top-10 precision, recall, nDCG, coverage and popularity against baselines.");
        foreach (var option in new Option[] { dataset, folds, seed, grid, markdown, plot, protocol, given })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, _) => Failure.ReportAsync(() => Task.FromResult(parse.GetValue(protocol) == HeldOutUsersProtocol
            ? RunHeldOutUsers(parse.GetValue(dataset)!, parse.GetValue(seed), parse.GetValue(given), parse.GetValue(markdown), parse.GetValue(grid), parse.GetValue(plot))
            : Run(parse.GetValue(dataset)!, parse.GetValue(folds), parse.GetValue(seed), parse.GetValue(grid), parse.GetValue(markdown), parse.GetValue(plot)))));
        return command;
    }

    /// <summary>One dataset against the anchors; with <paramref name="grid"/>, the search for the ranking's knobs on both datasets.</summary>
    private static int RunHeldOutUsers(string datasetName, int seed, int given, bool markdown, bool grid, string? plot)
    {
        if (given < RecommendationRules.MinimumRatings)
        {
            throw new ArgumentException($"--given must be at least {RecommendationRules.MinimumRatings}, as in the product.");
        }

        return grid
            ? HeldOutUsersSearch.Run([Read(PinnedChecksums.LatestSmall), Read(PinnedChecksums.Hundred)], seed, given, markdown, plot)
            : HeldOutUsersReport.Run(Read(datasetName), seed, given, markdown);
    }

    private static int Run(string datasetName, int folds, int seed, bool grid, bool markdown, string? plot)
    {
        if (folds < 2)
        {
            throw new ArgumentException("--folds must be at least 2.");
        }

        var clock = Stopwatch.StartNew();
        var dataset = Read(datasetName);
        var evaluation = new OfflineEvaluation(dataset.Ratings);
        var defaults = new RecommenderOptions();
        var chosen = CollaborativeFiltering.Candidate($"User-based cosine CF (defaults: {Describe(defaults)})", defaults);
        var byPrediction = CollaborativeFiltering.RankedByPrediction("Same model, ranked by predicted stars", defaults);

        // Models that only rank (most popular) predict no stars and have no accuracy row.
        IReadOnlyList<Candidate> accuracyCandidates = [.. Baselines.All, chosen, .. (grid ? EvaluationGrid.Accuracy() : [])];
        var accuracy = (dataset.PublishedFolds is { } published
                ? evaluation.CrossValidate(accuracyCandidates, published)
                : evaluation.CrossValidate(accuracyCandidates, folds, seed))
            .Where(r => r.Predictions > 0)
            .ToList();
        var foldsText = dataset.PublishedFolds is null ? $"{folds}-fold cross-validation (seed {seed})" : "the published u1-u5 folds";
        ResultTable.Print(markdown, $"{dataset.Name}: rating prediction, {foldsText}", ["Model", "RMSE", "MAE", "Predictions"],
            accuracy.Select(r => new[] { r.Name, F(r.Rmse), F(r.Mae), r.Predictions.ToString(CultureInfo.InvariantCulture) }));

        IReadOnlyList<Candidate> headline = [.. Baselines.All, byPrediction, chosen];
        var topN = evaluation.TopN([.. headline, .. (grid ? EvaluationGrid.Ranking() : [])], n: 10, holdoutShare: 0.2, seed);
        var popular = topN.Single(r => r.Name == Baselines.MostPopular);
        ResultTable.Print(markdown,
            $"{dataset.Name}: top-10, 20% of each user's ratings held out (seed {seed}; relevant = held-out rating >= 4; {topN[0].Users} users)",
            ["Model", "Precision@10", "Recall@10", "nDCG@10", "× most popular", "Coverage", "Mean popularity rank"],
            topN.Select(r => new[]
            {
                r.Name, F(r.Precision), F(r.Recall), F(r.Ndcg), (r.Ndcg / popular.Ndcg).ToString("0.00", CultureInfo.InvariantCulture),
                r.Coverage.ToString("0.0%", CultureInfo.InvariantCulture), r.MeanPopularityRank.ToString("0", CultureInfo.InvariantCulture),
            }));

        if (plot is not null)
        {
            LinePlot.Write(
                plot,
                $"{dataset.Name}: nDCG@N (20% held out per user, seed {seed})",
                "N (length of the list)",
                "nDCG@N",
                topN.Take(headline.Count).Select(r => (r.Name, r.NdcgAt)));
            AnsiConsole.MarkupLineInterpolated($"Wrote [green]{plot}[/].");
        }

        AnsiConsole.WriteLine($"Evaluated in {clock.Elapsed.TotalSeconds:0.0} s.");
        return 0;
    }

    internal static string Describe(RecommenderOptions o) => string.Create(
        CultureInfo.InvariantCulture,
        $"{o.Centering}, k={o.Neighbours}, λ={o.PredictionShrinkage}, similarity shrinkage={o.SimilarityShrinkage}, biases {o.MovieBiasRegularisation}/{o.UserBiasRegularisation}; ranking K={o.RankingNeighbours} {o.RankingSimilarity} {o.EvidenceFrom}, power={o.SimilarityPower}, damping={o.PopularityDamping}, prior={o.PriorWeight}");

    internal static EvaluationDataset Read(string datasetName) => datasetName == PinnedChecksums.Hundred
        ? MovieLens100k.ReadFolder(Settings.FolderOf(PinnedChecksums.Hundred))
        : EvaluationDataset.MovieLensSmall(Settings.MovieLensFolder);

    private static string F(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
