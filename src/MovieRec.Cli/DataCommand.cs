using System.CommandLine;
using MovieRec.DataFetch;
using Spectre.Console;

namespace MovieRec.Cli;

/// <summary><c>movierec data fetch</c>: put verified ml-latest-small files in place.</summary>
internal static class DataCommand
{
    public static Command Create()
    {
        var source = new Option<string>("--source")
        {
            Description = "A zip path, a folder or a URL (default: MOVIELENS_SOURCE, else the official GroupLens URL).",
        };
        var folder = new Option<string>("--dir")
        {
            Description = "Where the CSVs go (default: MOVIELENS_DIR, else data/ml-latest-small).",
        };
        var fetch = new Command("fetch", "Fetch ml-latest-small and verify it against the pinned SHA-256 sums.");
        fetch.Options.Add(source);
        fetch.Options.Add(folder);
        fetch.SetAction((parse, cancel) => Failure.ReportAsync(() =>
            FetchAsync(parse.GetValue(source) ?? Settings.MovieLensSource, parse.GetValue(folder) ?? Settings.MovieLensFolder, cancel)));

        var data = new Command("data", "The MovieLens data.");
        data.Subcommands.Add(fetch);
        return data;
    }

    private static async Task<int> FetchAsync(string source, string folder, CancellationToken cancel)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        var fetcher = new MovieLensFetcher(PinnedChecksums.Embedded(), http);
        var result = await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new DownloadedColumn(), new TransferSpeedColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("ml-latest-small", autoStart: true, maxValue: 1);
                var progress = new Progress<DownloadProgress>(p =>
                {
                    task.MaxValue = p.Total ?? Math.Max(p.Received, 1);
                    task.Value = p.Received;
                });
                var fetched = await fetcher.FetchAsync(source, folder, progress, cancel);
                task.Value = task.MaxValue;
                return fetched;
            });
        if (result == FetchResult.AlreadyVerified)
        {
            AnsiConsole.MarkupLineInterpolated($"[green]{folder}[/] already holds verified ml-latest-small files.");
        }
        else
        {
            AnsiConsole.MarkupLineInterpolated($"Fetched and verified ml-latest-small into [green]{folder}[/].");
        }
        return 0;
    }
}
