using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MovieRec.Domain;
using MovieRec.Storage;

namespace MovieRec.Service;

public static class ServiceRegistration
{
    /// <summary>The MovieLens model (one per instance, loaded at start), the ratings store and the use cases.</summary>
    public static IServiceCollection AddMovieRecService(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MovieLensOptions>().Bind(configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MovieLensOptions>, MovieLensOptionsValidation>();
        services.AddSingleton(new RecommenderOptions());
        // A singleton is built on first use: by MovieLensWarmup while the host starts.
        services.AddSingleton(sp => MovieLensModel.Load(
            sp.GetRequiredService<IOptions<MovieLensOptions>>().Value.ResolvedDirectory, sp.GetRequiredService<RecommenderOptions>()));
        services.AddHostedService<MovieLensWarmup>();
        services.AddMovieRecStorage(configuration);
        services.AddMetrics();
        services.AddSingleton<MovieRecMetrics>();
        services.AddSingleton<IRatingStore, MeasuredRatingStore>();
        services.AddSingleton(Random.Shared);
        services.AddSingleton<RecommenderService>();
        return services;
    }
}
