using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MovieRec.Bot;
using MovieRec.Service;

namespace MovieRec.Api;

public static class ApiRegistration
{
    /// <summary>The use cases, the bot and one handler per route; both hosts call this.</summary>
    public static IServiceCollection AddMovieRecApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMovieRecService(configuration);
        services.AddMovieRecBot(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<FailureLog>();
        foreach (var handler in ApiRoutes.All.Select(r => r.Handler).Distinct())
        {
            // Transient: the webhook's handler holds a typed HttpClient, which must not live for the app's lifetime.
            services.AddTransient(handler);
        }

        return services;
    }
}
