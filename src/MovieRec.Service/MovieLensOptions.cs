using Microsoft.Extensions.Configuration;
using MovieRec.DataFiles;
using MovieRec.Domain;

namespace MovieRec.Service;

/// <summary>MOVIELENS_DIR (docs/api.md): the folder with movies.csv, links.csv and ratings.csv.</summary>
public sealed class MovieLensOptions
{
    [ConfigurationKeyName("MOVIELENS_DIR")]
    public string? Directory { get; set; }

    /// <summary>The folder as <see cref="MovieLensLocation"/> resolves it.</summary>
    public string ResolvedDirectory => MovieLensLocation.Resolve(Directory);

    /// <summary>The options as bound from <paramref name="configuration"/>: what the command line and the benchmarks read, as the hosts do.</summary>
    public static MovieLensOptions From(IConfiguration configuration) => configuration.Get<MovieLensOptions>() ?? new MovieLensOptions();
}
