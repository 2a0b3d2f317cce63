using System.Diagnostics;
using System.Globalization;
using MovieRec.DataFetch;
using MovieRec.Domain;
using MovieRec.Evaluation;
using Spectre.Console;

namespace MovieRec.Cli;

/// <summary>
/// <c>movierec eval --protocol held-out-users</c>: MovieRec against the anchors (most popular, EASE,
/// RP3β, item kNN) on people no model was trained on (docs/quality.md). Each anchor's knobs are
/// chosen on the validation folds; the test fold is scored once, with every model trained on all
/// other users.
/// </summary>
internal static class HeldOutUsersReport
{
    public const string MovieRecDefaults = "MovieRec (defaults)";

    private const int Folds = 5;

    /// <summary>One dataset's splits and its anchors as chosen on the validation folds.</summary>
    internal sealed record Anchors(
        EvaluationDataset Dataset, int Seed, int Given, IReadOnlyList<HeldOutSplit> Validation, HeldOutSplit Test,
        IReadOnlyList<PersonCandidate> Chosen, IReadOnlyList<string[]> ValidationRows, double EaseValidationNdcg, int EaseMinRaters);

    public static int Run(EvaluationDataset dataset, int seed, int given, bool markdown)
    {
        var clock = Stopwatch.StartNew();
        var anchors = Choose(dataset, seed, given);
        var movieRec = CollaborativeFiltering.ForPeople(MovieRecDefaults, new RecommenderOptions());
        var rows = anchors.ValidationRows.Append(["MovieRec", movieRec.Name, F(HeldOutChoice.Rank([movieRec], anchors.Validation)[0].Ndcg), "fixed"]);
        PrintValidation(anchors, rows, markdown);
        PrintTest(anchors, [movieRec], markdown);
        AnsiConsole.WriteLine($"Evaluated in {clock.Elapsed.TotalSeconds:0.0} s.");
        return 0;
    }

    /// <summary>The splits, and each anchor family's variant with the best validation nDCG@10.</summary>
    public static Anchors Choose(EvaluationDataset dataset, int seed, int given)
    {
        var protocol = new HeldOutUsers(dataset.Ratings, Folds, given, seed);
        var validation = protocol.Validation();
        var easeMinRaters = EaseMinRaters(dataset.Name);
        var families = new (string Family, IReadOnlyList<PersonCandidate> Variants)[]
        {
            ("EASE", AnchorGrids.Ease(easeMinRaters)),
            ("RP3β", AnchorGrids.Rp3Beta()),
            ("Item kNN", AnchorGrids.ItemKnn()),
        };

        var chosen = new List<PersonCandidate> { MostPopular.Candidate };
        var rows = new List<string[]>();
        var easeNdcg = double.NaN;
        foreach (var (family, variants) in families)
        {
            var clock = Stopwatch.StartNew();
            var ranked = HeldOutChoice.Rank(variants, validation);
            chosen.Add(ranked[0].Variant);
            easeNdcg = family == "EASE" ? ranked[0].Ndcg : easeNdcg;
            rows.AddRange(ranked.Select((r, i) => new[] { family, r.Variant.Name, F(r.Ndcg), i == 0 ? "chosen" : "" }));
            Console.Error.WriteLine($"{dataset.Name}, {family}: {variants.Count} variants on {validation.Count} validation folds in {clock.Elapsed.TotalSeconds:0} s.");
        }

        return new Anchors(dataset, seed, given, validation, protocol.Test(), chosen, rows, easeNdcg, easeMinRaters);
    }

    public static void PrintValidation(Anchors anchors, IEnumerable<string[]> rows, bool markdown) =>
        ResultTable.Print(markdown,
            $"{anchors.Dataset.Name}: validation (folds 0-{Folds - 2} of {Folds}, seed {anchors.Seed}; each scored with a model trained on the other validation folds; {anchors.Validation.Sum(s => s.People.Count)} people), nDCG@10",
            ["Family", "Variant", "nDCG@10", ""],
            rows);

    /// <summary>The test fold, scored once: the chosen anchors, then <paramref name="movieRec"/>.</summary>
    public static void PrintTest(Anchors anchors, IEnumerable<PersonCandidate> movieRec, bool markdown)
    {
        var test = anchors.Test;
        var scores = anchors.Chosen.Concat(movieRec).Select(c => HeldOutScores.Of(c.Name, c.Train(test.Train), test, HeldOutChoice.ListLength)).ToList();
        var popular = scores[0];
        var ease = scores[1];
        ResultTable.Print(markdown,
            $"{anchors.Dataset.Name}: held-out users, test fold {Folds - 1} of {Folds} (seed {anchors.Seed}; {test.People.Count} people, each gives {anchors.Given} ratings; relevant = the rest rated >= 4; models trained on the other {test.Train.UserCount} users)",
            ["Model", "nDCG@10", "Precision@10", "Recall@10", "Coverage", "× most popular", "× EASE (90% interval)"],
            scores.Select(s =>
            {
                var (ratio, low, high) = s.RatioTo(ease, anchors.Seed);
                return new[]
                {
                    s.Name, F(s.MeanNdcg), F(s.MeanPrecision), F(s.MeanRecall), s.Coverage.ToString("0.0%", CultureInfo.InvariantCulture),
                    (s.MeanNdcg / popular.MeanNdcg).ToString("0.00", CultureInfo.InvariantCulture),
                    string.Create(CultureInfo.InvariantCulture, $"{ratio:0.00} ({low:0.00}–{high:0.00})"),
                };
            }));
        var easeFilms = new Ease(test.Train, 1, anchors.EaseMinRaters).Films;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"EASE on the test fold: {easeFilms} films with ≥ {anchors.EaseMinRaters} training ratings of {test.Train.MovieCount}."));
        Console.WriteLine();
    }

    /// <summary>EASE inverts a films × films matrix: on ml-latest-small only films with 10+ training ratings, on ml-100k every rated film.</summary>
    private static int EaseMinRaters(string dataset) => dataset == PinnedChecksums.Hundred ? 1 : 10;

    internal static string F(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
