using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MovieRec.Domain;
using MovieRec.Storage;

namespace MovieRec.Service;

public static class ServiceRegistration
{
    /// <summary>
    /// The model (MovieLens loaded once per instance, the community refreshed) and the use cases,
    /// over the stores registered before (AddAzureStorage, or AddInMemoryStorage in tests); the
    /// ratings store's calls are measured.
    /// </summary>
    public static IServiceCollection AddMovieRecService(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MovieLensOptions>().Bind(configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MovieLensOptions>, MovieLensOptionsValidation>();
        services.AddSingleton(new RecommenderOptions());
        // A singleton is built on first use: by MovieLensWarmup while the host starts.
        services.AddSingleton(sp => new LiveModel(RecommendationModel.Load(
            sp.GetRequiredService<IOptions<MovieLensOptions>>().Value.ResolvedDirectory, sp.GetRequiredService<RecommenderOptions>(), sp.GetRequiredService<TimeProvider>())));
        services.AddHostedService<MovieLensWarmup>();
        services.AddOptions<ModelRefreshOptions>().Bind(configuration).ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<ModelRefreshOptions>, ModelRefreshOptionsSetup>();
        services.AddSingleton<IValidateOptions<ModelRefreshOptions>, ModelRefreshOptionsValidation>();
        services.AddSingleton<CommunityBuilder>();
        services.AddHostedService<ModelRefresh>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<MovieRecMetrics>();
        services.Decorate<IRatingStore>((store, sp) => new MeasuredRatingStore(store, sp.GetRequiredService<MovieRecMetrics>()));
        services.AddSingleton(Random.Shared);
        services.AddSingleton<RecommenderService>();
        services.AddOptions<RateLimitOptions>().Bind(configuration)
            .Validate(
                o => o.PersonWritesPerMinute >= 1 && o.KeyNewChatsPerMinute >= 1 && o.MiniAppSignInsPerMinute >= 1 && o.MiniAppFailedSignInsPerMinute >= 1,
                "RATE_LIMIT_PERSON_WRITES_PER_MINUTE, RATE_LIMIT_KEY_NEW_CHATS_PER_MINUTE, RATE_LIMIT_MINIAPP_SIGNINS_PER_MINUTE and RATE_LIMIT_MINIAPP_FAILED_SIGNINS_PER_MINUTE must be at least 1.")
            .ValidateOnStart();
        services.AddSingleton<RateLimits>();
        services.AddSingleton<RetentionSweep>();
        return services;
    }

    /// <summary>
    /// The community builder and the retention sweep as background services, for the standalone
    /// host (the Functions app runs them from timer functions instead).
    /// </summary>
    public static IServiceCollection AddCommunityBuilding(this IServiceCollection services)
    {
        services.AddHostedService<CommunityBuilding>();
        services.AddHostedService<RetentionSweeping>();
        return services;
    }
}
