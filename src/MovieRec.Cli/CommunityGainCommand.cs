using System.CommandLine;
using System.Globalization;
using MovieRec.DataFetch;
using MovieRec.Domain;
using MovieRec.Service;

namespace MovieRec.Cli;

/// <summary><c>movierec eval-community</c>: nDCG@10 for new people with and without the community in the pool (docs/quality.md).</summary>
internal static class CommunityGainCommand
{
    public static Command Create()
    {
        var seeds = new Option<int[]>("--seed") { Description = "Seeds of the halves and hold-outs; one row pair per seed.", DefaultValueFactory = _ => [42, 7], AllowMultipleArgumentsPerToken = true };
        var cap = new Option<double?>("--community-cap") { Description = "The community's evidence for a film, at most this many times MovieLens's (default: the recommender's; Infinity: no bound)." };
        var command = new Command("eval-community", "ml-100k's people join in two halves: the second half's lists with and without the first half in the pool.");
        command.Options.Add(seeds);
        command.Options.Add(cap);
        command.SetAction((parse, _) => Failure.ReportAsync(() => RunAsync(parse.GetValue(seeds)!, parse.GetValue(cap))));
        return command;
    }

    private static async Task<int> RunAsync(int[] seeds, double? cap)
    {
        var options = cap is { } bound ? new RecommenderOptions { CommunityEvidenceCap = bound } : new RecommenderOptions();
        var movieLens = RecommendationModel.Load(Settings.FolderOf(PinnedChecksums.LatestSmall), options);
        var hundredK = EvalCommand.Read(PinnedChecksums.Hundred);
        Console.WriteLine("| Seed | Pool | Users in pool | of them app users | People scored | nDCG@10 | Precision@10 | Recall@10 |");
        Console.WriteLine("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        CommunityGain.Result? last = null;
        foreach (var seed in seeds)
        {
            var result = await CommunityGain.RunAsync(movieLens, hundredK, seed);
            foreach (var row in new[] { result.MovieLensOnly, result.WithCommunity })
            {
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {seed} | {row.Pool} | {row.PoolUsers} | {row.AppUsers} | {row.People} | {row.Ndcg:0.0000} | {row.Precision:0.0000} | {row.Recall:0.0000} |"));
            }

            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {seed} | × | | | | {result.WithCommunity.Ndcg / result.MovieLensOnly.Ndcg:0.00} | {result.WithCommunity.Precision / result.MovieLensOnly.Precision:0.00} | {result.WithCommunity.Recall / result.MovieLensOnly.Recall:0.00} |"));
            last = result;
        }

        Console.WriteLine();
        Console.WriteLine($"ml-100k films matched to ml-latest-small by title and year: {last!.Mapped} of {last.Films}.");
        return 0;
    }
}
