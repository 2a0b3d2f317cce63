using Microsoft.Extensions.Configuration;

namespace MovieRec.Service;

/// <summary>The contract's MOVIELENS_DIR: the folder with movies.csv, links.csv and ratings.csv.</summary>
public sealed class MovieLensOptions
{
    [ConfigurationKeyName("MOVIELENS_DIR")]
    public string Directory { get; set; } = Path.Combine("data", "ml-latest-small");

    /// <summary>The folder as an absolute path; a relative one is under the app (where the build copies the data).</summary>
    public string ResolvedDirectory => Path.GetFullPath(Directory, AppContext.BaseDirectory);
}
