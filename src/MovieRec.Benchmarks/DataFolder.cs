using MovieRec.Domain;

namespace MovieRec.Benchmarks;

/// <summary>Where the fetched ml-latest-small is, as every part of MovieRec finds it.</summary>
internal static class DataFolder
{
    public static string MovieLens()
    {
        var folder = MovieLensLocation.Resolve(Environment.GetEnvironmentVariable("MOVIELENS_DIR"));
        return MovieLensLocation.Missing(folder) is { } missing
            ? throw new DirectoryNotFoundException($"{missing}: run scripts/fetch-data.sh first.")
            : folder;
    }
}
