using System.CommandLine;
using MovieRec.DataFetch;
using MovieRec.DataFiles;
using MovieRec.Domain;
using Spectre.Console;

namespace MovieRec.Cli;

/// <summary><c>movierec data fetch</c>: put the verified files of a MovieLens release in place.</summary>
internal static class DataCommand
{
    public static Command Create()
    {
        var dataset = new Option<string>("--dataset")
        {
            Description = $"{PinnedChecksums.LatestSmall} (what the product serves) or {PinnedChecksums.Hundred} (for evaluation).",
            DefaultValueFactory = _ => PinnedChecksums.LatestSmall,
        };
        dataset.AcceptOnlyFromAmong(PinnedChecksums.LatestSmall, PinnedChecksums.Hundred);
        var source = new Option<string>("--source")
        {
            Description = "A zip path, a folder or a URL (default: MOVIELENS_SOURCE, or MOVIELENS_100K_SOURCE for ml-100k, else the official GroupLens URL).",
        };
        var folder = new Option<string>("--dir")
        {
            Description = "Where the files go (default: MOVIELENS_DIR for ml-latest-small, else data/<dataset>).",
        };
        var fetch = new Command("fetch", "Fetch a MovieLens release and verify it against the pinned SHA-256 sums.");
        fetch.Options.Add(dataset);
        fetch.Options.Add(source);
        fetch.Options.Add(folder);
        fetch.SetAction((parse, cancel) => Failure.ReportAsync(() =>
        {
            var release = parse.GetValue(dataset)!;
            return FetchAsync(release, parse.GetValue(source) ?? Settings.SourceOf(release), parse.GetValue(folder) ?? Settings.FolderOf(release), cancel);
        }));

        var data = new Command("data", "The MovieLens data.");
        data.Subcommands.Add(fetch);
        return data;
    }

    private static async Task<int> FetchAsync(string release, string source, string folder, CancellationToken cancel)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        var fetcher = new MovieLensFetcher(PinnedChecksums.Embedded(release), http);
        var result = await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new DownloadedColumn(), new TransferSpeedColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(release, autoStart: true, maxValue: 1);
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
            AnsiConsole.MarkupLineInterpolated($"[green]{folder}[/] already holds verified {release} files.");
        }
        else
        {
            AnsiConsole.MarkupLineInterpolated($"Fetched and verified {release} into [green]{folder}[/].");
        }

        if (release == PinnedChecksums.LatestSmall && (result == FetchResult.Fetched || MovieLensSnapshot.TryRead(folder) is null))
        {
            // What the app loads at start instead of parsing CSV (docs/performance.md, cold start).
            MovieLensSnapshot.Refresh(folder);
            AnsiConsole.MarkupLineInterpolated($"Wrote and read back [green]{MovieLensSnapshot.PathIn(folder)}[/].");
        }

        return 0;
    }
}
