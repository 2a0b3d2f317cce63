using Microsoft.Extensions.Configuration;
using MovieRec.DataFiles;
using MovieRec.Service;

namespace MovieRec.Benchmarks;

/// <summary>Where the fetched ml-latest-small is: MOVIELENS_DIR as the hosts read it (the build ships the files beside the benchmarks).</summary>
internal static class DataFolder
{
    public static string MovieLens()
    {
        var folder = MovieLensOptions.From(new ConfigurationBuilder().AddEnvironmentVariables().Build()).ResolvedDirectory;
        return MovieLensLocation.Missing(folder) is { } missing
            ? throw new DirectoryNotFoundException($"{missing}: run scripts/fetch-data.sh first.")
            : folder;
    }
}
