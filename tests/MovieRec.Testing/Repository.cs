using MovieRec.DataFiles;
using MovieRec.Domain;

namespace MovieRec.Testing;

/// <summary>Paths in the repository the tests run from, and the real MovieLens data fetched into it.</summary>
public static class Repository
{
    private static readonly Lazy<MovieLensDataset> Dataset = new(() => MovieLensReader.ReadFolder(MovieLensFolder));

    public static string Root { get; } = FindRoot();

    /// <summary>Release or Debug: the configuration these tests were built in, and so the one of the app outputs they use.</summary>
    public static string BuildConfiguration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    /// <summary>The build output folder of a project under src/.</summary>
    public static string OutputOf(string project) => Path.Combine(Root, "src", project, "bin", BuildConfiguration, "net10.0");

    /// <summary>MOVIELENS_DIR, else the repository's data/ml-latest-small, which scripts/test.sh fetches before the tests run.</summary>
    public static string MovieLensFolder =>
        Environment.GetEnvironmentVariable("MOVIELENS_DIR") is { Length: > 0 } folder
            ? Path.GetFullPath(folder)
            : Path.Combine(Root, MovieLensLocation.DefaultFolder);

    /// <summary>data/ml-100k; scripts/test.sh fetches it before the tests run.</summary>
    public static string MovieLens100kFolder => Path.Combine(Root, "data", "ml-100k");

    /// <summary>ml-latest-small, read once per test process.</summary>
    public static MovieLensDataset MovieLens => Dataset.Value;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MovieRec.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No MovieRec.sln above {AppContext.BaseDirectory}.");
    }
}
