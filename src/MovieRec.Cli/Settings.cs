using MovieRec.DataFetch;

namespace MovieRec.Cli;

/// <summary>The contract's settings as the command line reads them from the environment.</summary>
internal static class Settings
{
    /// <summary>MOVIELENS_DIR, or data/ml-latest-small under the current directory (the repository root in the scripts).</summary>
    public static string MovieLensFolder => FolderOf(PinnedChecksums.LatestSmall);

    /// <summary>Where a release is fetched from: its setting (MOVIELENS_SOURCE, MOVIELENS_100K_SOURCE), else the official URL.</summary>
    public static string SourceOf(string release) =>
        Environment.GetEnvironmentVariable(MovieLensFetcher.SourceSettingOf(release)) is { Length: > 0 } source ? source : MovieLensFetcher.OfficialUrlOf(release);

    /// <summary>
    /// Where a release's files are: data/{release} under the current directory (the repository
    /// root in the scripts); MOVIELENS_DIR overrides it for ml-latest-small, the one the app serves.
    /// </summary>
    public static string FolderOf(string release) =>
        Path.GetFullPath(release == PinnedChecksums.LatestSmall && Environment.GetEnvironmentVariable("MOVIELENS_DIR") is { Length: > 0 } dir
            ? dir
            : Path.Combine("data", release));
}
