namespace MovieRec.Benchmarks;

/// <summary>Where the fetched ml-latest-small is: MOVIELENS_DIR, else data/ml-latest-small above the benchmark binaries.</summary>
internal static class DataFolder
{
    public static string MovieLens()
    {
        if (Environment.GetEnvironmentVariable("MOVIELENS_DIR") is { Length: > 0 } dir)
        {
            return Path.GetFullPath(dir);
        }

        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, "data", "ml-latest-small");
            if (File.Exists(Path.Combine(candidate, "ratings.csv")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("No data/ml-latest-small found: run scripts/fetch-data.sh first.");
    }
}
