using Microsoft.Extensions.Configuration;
using MovieRec.DataFetch;
using MovieRec.Service;

namespace MovieRec.Cli;

/// <summary>The settings of docs/api.md as the command line reads them: from the environment, bound as the hosts bind them.</summary>
internal static class Settings
{
    private static readonly IConfiguration Environment = new ConfigurationBuilder().AddEnvironmentVariables().Build();

    /// <summary>MOVIELENS_DIR, or data/ml-latest-small, as <see cref="MovieLensOptions"/> resolves them for every part of MovieRec.</summary>
    public static string MovieLensFolder => MovieLensOptions.From(Environment).ResolvedDirectory;

    /// <summary>Where a release is fetched from: its setting (MOVIELENS_SOURCE, MOVIELENS_100K_SOURCE), else the official URL.</summary>
    public static string SourceOf(string release) =>
        Environment[MovieLensFetcher.SourceSettingOf(release)] is { Length: > 0 } source ? source : MovieLensFetcher.OfficialUrlOf(release);

    /// <summary>Where a release's files are: ml-latest-small where the app reads it, others in data/{release} under the current directory.</summary>
    public static string FolderOf(string release) =>
        release == PinnedChecksums.LatestSmall ? MovieLensFolder : Path.GetFullPath(Path.Combine("data", release));
}
