using System.CommandLine;
using System.Globalization;
using MovieRec.DataFetch;
using MovieRec.Domain;
using MovieRec.Service;

namespace MovieRec.Cli;

/// <summary><c>movierec eval-attack</c>: how many probes' top 10 a shilling attack reaches, by attack and size (docs/quality.md).</summary>
internal static class ShillingAttackCommand
{
    public static Command Create()
    {
        var seed = new Option<int>("--seed") { Description = "Seed of the halves, the target and the fakes.", DefaultValueFactory = _ => 42 };
        var shares = new Option<double[]>("--shares") { Description = "Fakes as a share of MovieLens's users.", DefaultValueFactory = _ => [0.01, 0.05, 0.10, 0.50], AllowMultipleArgumentsPerToken = true };
        var probes = new Option<int>("--probes") { Description = "How many ml-100k people join as the community and are scored.", DefaultValueFactory = _ => 200 };
        var ratings = new Option<int>("--ratings") { Description = "How many of their films each probe rates: a new person's first ratings.", DefaultValueFactory = _ => 20 };
        var targetRaters = new Option<int>("--target-raters") { Description = "How many MovieLens ratings the target film has.", DefaultValueFactory = _ => 2 };
        var undefended = new Option<bool>("--undefended") { Description = "Let the community's evidence count without bound, as before the defence." };
        var cap = new Option<double?>("--community-cap") { Description = "The community's evidence for a film, at most this many times MovieLens's (default: the recommender's)." };
        var command = new Command("eval-attack", "Random, average and bandwagon attacks on an obscure film: how many probes' top 10 it reaches.");
        command.Options.Add(seed);
        command.Options.Add(shares);
        command.Options.Add(probes);
        command.Options.Add(ratings);
        command.Options.Add(targetRaters);
        command.Options.Add(undefended);
        command.Options.Add(cap);
        command.SetAction((parse, _) => Failure.ReportAsync(() => RunAsync(parse.GetValue(seed), parse.GetValue(shares)!, parse.GetValue(probes), parse.GetValue(ratings), parse.GetValue(targetRaters), parse.GetValue(undefended) ? double.PositiveInfinity : parse.GetValue(cap))));
        return command;
    }

    private static async Task<int> RunAsync(int seed, double[] shares, int probes, int ratings, int targetRaters, double? cap)
    {
        var options = cap is { } bound ? new RecommenderOptions { CommunityEvidenceCap = bound } : new RecommenderOptions();
        var undefended = double.IsPositiveInfinity(options.CommunityEvidenceCap);
        var movieLens = RecommendationModel.Load(Settings.FolderOf(PinnedChecksums.LatestSmall), options);
        var hundredK = EvalCommand.Read(PinnedChecksums.Hundred);
        var result = await ShillingAttack.RunAsync(
            movieLens, hundredK, [ShillingAttack.Kind.Random, ShillingAttack.Kind.Average, ShillingAttack.Kind.Bandwagon], shares, seed, probes, ratings, targetRaters);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Target: {result.Target.Title} (id {result.Target.Id}, {result.TargetRaters} MovieLens ratings); {probes} probes rating {ratings} of their films each; defence: {(undefended ? "off" : $"community evidence ≤ {options.CommunityEvidenceCap}× MovieLens's")}."));
        Console.WriteLine();
        Console.WriteLine("| Attack | Fakes | of MovieLens's users | Probes | Target in top 10 | Share |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var row in result.Rows)
        {
            var rate = row.Hits == 0 ? "0" : $"1 in {(double)row.Probes / row.Hits:0.#}";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {row.Attack} | {row.Fakes} | {row.Share:0%} | {row.Probes} | {row.Hits} | {rate} |"));
        }

        return 0;
    }
}
