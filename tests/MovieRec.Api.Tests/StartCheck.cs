using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MovieRec.Service;
using MovieRec.Testing;

namespace MovieRec.Api.Tests;

/// <summary>The standalone host's start check in process: its services built as its Program builds them, no process started.</summary>
internal static class StartCheck
{
    /// <summary>The one line <see cref="SettingsCheck"/> stops the host with for these settings (on the test data's MovieLens, the stores in memory); null when it would start.</summary>
    public static string? FailureWith(IReadOnlyDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["MOVIELENS_DIR"] = Repository.MovieLensFolder, ["RATINGS_STORAGE"] = "memory" })
            .AddInMemoryCollection(settings)
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddMovieRecCore(configuration);
        services.AddMovieRecApi(configuration);
        services.AddStandaloneHostChecks();
        using var provider = services.BuildServiceProvider();
        return SettingsCheck.Failure(provider);
    }
}
