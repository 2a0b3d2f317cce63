using System.CommandLine;
using System.Globalization;
using MovieRec.DataFetch;
using MovieRec.Evaluation;
using Spectre.Console;

namespace MovieRec.Cli;

/// <summary><c>movierec simulate-offers</c>: the rating flow replayed with a dataset's people (docs/quality.md).</summary>
internal static class SimulateOffersCommand
{
    /// <summary>The target compares offers from the 6th on, when the neighbours' draw has had its chance.</summary>
    private const int FromOffer = 5;

    private static readonly int[] GridFirstRatings = [1, 2, 3];
    private static readonly double[] GridPowers = [1, 2, 3, 4];

    public static Command Create()
    {
        var dataset = new Option<string>("--dataset") { Description = "ml-100k (default) or ml-latest-small.", DefaultValueFactory = _ => PinnedChecksums.Hundred };
        dataset.AcceptOnlyFromAmong(PinnedChecksums.LatestSmall, PinnedChecksums.Hundred);
        var offers = new Option<int>("--offers") { Description = "Offers per person.", DefaultValueFactory = _ => 20 };
        var seed = new Option<int>("--seed") { Description = "Seed of the draws.", DefaultValueFactory = _ => 42 };
        var plot = new Option<string?>("--plot") { Description = "Write a PNG of the seen share per position." };
        var grid = new Option<bool>("--grid") { Description = "Also the variants the defaults were chosen from (ratings before the neighbours' draw × weight power)." };
        var toTen = new Option<bool>("--to-ten") { Description = "Instead: offers held-out people need to reach 10 ratings: the original way, last round's and today's." };
        var tried = new Option<bool>("--tried") { Description = "With --to-ten: the ways of offering tried against today's and not kept, each always offering its best film." };
        var command = new Command("simulate-offers", "The share of offered movies people had seen, per position of the rating flow, for two draws.");
        foreach (var option in new Option[] { dataset, offers, seed, plot, grid, toTen, tried })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, _) => Failure.ReportAsync(() => Task.FromResult(parse.GetValue(toTen)
            ? RunToTen(parse.GetValue(dataset)!, parse.GetValue(seed), parse.GetValue(tried))
            : Run(parse.GetValue(dataset)!, parse.GetValue(offers), parse.GetValue(seed), parse.GetValue(plot), parse.GetValue(grid)))));
        return command;
    }

    private static int RunToTen(string datasetName, int seed, bool tried)
    {
        var dataset = EvalCommand.Read(datasetName);
        var results = tried ? OfferVariants.Run(dataset, seed) : OffersToTen.Run(dataset, seed);
        Console.WriteLine($"**{dataset.Name}: offers until ten ratings, held-out people (test fold of 5, seed {seed}; {results[0].People} people; model trained on the others; cap 200)**");
        Console.WriteLine();
        Console.WriteLine($"| Offers | Median offers to 10 ratings | Reached 10 within 200 | First 10 offers on films with < {OffersToTen.RareRaters} raters |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Name} | {r.MedianOffers:0.#} | {r.ReachedShare:0.0%} | {(double.IsNaN(r.RareShare) ? "—" : r.RareShare.ToString("0.0%", CultureInfo.InvariantCulture))} |"));
        }

        return 0;
    }

    private static int Run(string datasetName, int offers, int seed, string? plot, bool grid)
    {
        if (offers < 1)
        {
            throw new ArgumentException("--offers must be at least 1.");
        }

        var dataset = EvalCommand.Read(datasetName);
        var curves = OfferSimulation.Run(dataset, offers, seed);
        var (popular, neighbours) = (curves[0], curves[1]);
        Console.WriteLine($"**{dataset.Name}: share of offers the person had seen, by position ({popular.People} people, seed {seed})**");
        Console.WriteLine();
        Console.WriteLine($"| Offer | {popular.Name} | {neighbours.Name} | × |");
        Console.WriteLine("| ---: | ---: | ---: | ---: |");
        for (var i = 0; i < offers; i++)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {i + 1} | {popular.SeenShare[i]:0.000} | {neighbours.SeenShare[i]:0.000} | {neighbours.SeenShare[i] / popular.SeenShare[i]:0.00} |"));
        }

        if (grid && offers > FromOffer)
        {
            var variants = (from first in GridFirstRatings
                            from power in GridPowers
                            select (string.Create(CultureInfo.InvariantCulture, $"from rating {first}, weight^{power}"), first, power)).ToList();
            var all = OfferSimulation.Run(dataset, offers, seed, variants);
            Console.WriteLine();
            Console.WriteLine($"**{dataset.Name}: offers {FromOffer + 1}–{offers}, mean share seen and the lowest ratio to popularity-weighted random at any one position**");
            Console.WriteLine();
            Console.WriteLine("| Draw | Mean share seen | × popularity-weighted | Lowest × at a position |");
            Console.WriteLine("| --- | ---: | ---: | ---: |");
            var baseline = all[0].SeenShare.Skip(FromOffer).Average();
            foreach (var curve in all)
            {
                var mean = curve.SeenShare.Skip(FromOffer).Average();
                var lowest = curve.SeenShare.Zip(all[0].SeenShare).Skip(FromOffer).Min(p => p.First / p.Second);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {curve.Name} | {mean:0.000} | {mean / baseline:0.00} | {lowest:0.00} |"));
            }
        }

        if (plot is not null)
        {
            LinePlot.Write(plot, $"{dataset.Name}: offered films the person had seen", "offer (position in the rating flow)", "share seen",
                curves.Select(c => (c.Name, c.SeenShare)));
            AnsiConsole.MarkupLineInterpolated($"Wrote [green]{plot}[/].");
        }

        return 0;
    }
}
