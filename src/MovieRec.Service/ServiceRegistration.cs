using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MovieRec.Domain;
using MovieRec.Storage;

namespace MovieRec.Service;

/// <summary>Who runs the background work of building the community and sweeping old records.</summary>
public enum BackgroundWork
{
    /// <summary>This process, as hosted services (the standalone host, the command line's bot).</summary>
    HostedServices,

    /// <summary>The Functions app's timer functions, which call the same <see cref="CommunityBuilder"/> and <see cref="RetentionSweep"/>.</summary>
    TimerFunctions,
}

public static class ServiceRegistration
{
    /// <summary>
    /// What every composition root of MovieRec runs — the Functions app, the standalone host and the
    /// command line's bot: the stores RATINGS_STORAGE names, the model (MovieLens loaded once per
    /// instance, the community refreshed), the use cases, and the background work, by
    /// <paramref name="backgroundWork"/>. The roots add only what is theirs (HTTP, the bot, telemetry).
    /// </summary>
    public static IServiceCollection AddMovieRecCore(
        this IServiceCollection services, IConfiguration configuration, BackgroundWork backgroundWork = BackgroundWork.HostedServices)
    {
        services.AddMovieRecStorage(configuration);
        services.AddUseCases(configuration);
        if (backgroundWork == BackgroundWork.HostedServices)
        {
            services.AddHostedService<ScheduledCommunityBuilds>();
            services.AddHostedService<DailyRetentionSweeps>();
        }

        return services;
    }

    /// <summary>
    /// The model and the use cases over the stores registered before (in tests, AddInMemoryStorage);
    /// the ratings store's calls are measured.
    /// </summary>
    public static IServiceCollection AddUseCases(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MovieLensOptions>().Bind(configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MovieLensOptions>, MovieLensOptionsValidation>();
        services.AddSingleton(new RecommenderOptions());
        // Cheap to make; MovieLens is loaded on first use, by MovieLensWarmup while the host starts.
        services.AddSingleton(sp => new LiveModel(() => RecommendationModel.Load(
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
}
