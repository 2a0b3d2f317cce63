namespace MovieRec.Domain;

/// <summary>
/// Where the MovieLens files are, decided in this one place for both hosts, the command line,
/// the benchmarks and the tests: MOVIELENS_DIR when set, else data/ml-latest-small.
/// </summary>
public static class MovieLensLocation
{
    public const string DefaultFolder = "data/ml-latest-small";

    /// <summary>
    /// An absolute path as it is. A relative one (the default included) is looked for under the
    /// app (the build copies the data there), then the current directory, then every folder above
    /// the app (a repository checkout); the first that holds the files wins, and when none does the
    /// answer is under the current directory, where <c>movierec data fetch</c> puts them.
    /// </summary>
    public static string Resolve(string? configured)
    {
        var folder = string.IsNullOrWhiteSpace(configured) ? DefaultFolder : configured;
        if (Path.IsPathRooted(folder))
        {
            return Path.GetFullPath(folder);
        }

        return Candidates(folder).FirstOrDefault(HoldsTheFiles) ?? Path.GetFullPath(folder);
    }

    /// <summary>What is missing from a folder for the app to serve it; null when nothing is.</summary>
    public static string? Missing(string folder)
    {
        var missing = MovieLensDataset.RequiredFiles.Where(file => !File.Exists(Path.Combine(folder, file))).ToList();
        return missing.Count == 0 ? null : $"{folder} has no {string.Join(", ", missing)}";
    }

    private static bool HoldsTheFiles(string folder) => Missing(folder) is null;

    private static IEnumerable<string> Candidates(string relative)
    {
        yield return Path.GetFullPath(relative, AppContext.BaseDirectory);
        yield return Path.GetFullPath(relative);
        for (var above = new DirectoryInfo(AppContext.BaseDirectory).Parent; above is not null; above = above.Parent)
        {
            yield return Path.Combine(above.FullName, relative);
        }
    }
}
