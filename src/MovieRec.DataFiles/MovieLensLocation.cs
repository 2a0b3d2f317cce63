namespace MovieRec.DataFiles;

/// <summary>
/// Where the MovieLens files are, decided in this one place for both hosts, the command line,
/// the benchmarks and the tests: MOVIELENS_DIR when set, else data/ml-latest-small.
/// </summary>
public static class MovieLensLocation
{
    public const string DefaultFolder = "data/ml-latest-small";

    /// <summary>
    /// The rule (README, "Settings"): an absolute path as it is. A relative one, the default
    /// included, is the folder under the app when the app ships it there (the hosts' builds copy
    /// the files: src/MovieLensData.targets), else the folder under the current directory (a
    /// checkout, where <c>movierec data fetch</c> puts the files). No other folder is searched.
    /// </summary>
    public static string Resolve(string? configured)
    {
        var folder = string.IsNullOrWhiteSpace(configured) ? DefaultFolder : configured;
        if (Path.IsPathRooted(folder))
        {
            return Path.GetFullPath(folder);
        }

        var underTheApp = Path.GetFullPath(folder, AppContext.BaseDirectory);
        return Missing(underTheApp) is null ? underTheApp : Path.GetFullPath(folder);
    }

    /// <summary>What is missing from a folder for the app to serve it; null when nothing is.</summary>
    public static string? Missing(string folder)
    {
        var missing = MovieLensReader.RequiredFiles.Where(file => !File.Exists(Path.Combine(folder, file))).ToList();
        return missing.Count == 0 ? null : $"{folder} has no {string.Join(", ", missing)}";
    }
}
