using Microsoft.Extensions.Configuration;
using MovieRec.Domain;

namespace MovieRec.Service;

/// <summary>The contract's MOVIELENS_DIR: the folder with movies.csv, links.csv and ratings.csv.</summary>
public sealed class MovieLensOptions
{
    [ConfigurationKeyName("MOVIELENS_DIR")]
    public string? Directory { get; set; }

    /// <summary>The folder as <see cref="MovieLensLocation"/> resolves it.</summary>
    public string ResolvedDirectory => MovieLensLocation.Resolve(Directory);
}
