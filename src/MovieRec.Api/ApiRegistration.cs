using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MovieRec.Service;

namespace MovieRec.Api;

public static class ApiRegistration
{
    /// <summary>The use cases and one handler per route; both hosts call this.</summary>
    public static IServiceCollection AddMovieRecApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMovieRecService(configuration);
        foreach (var handler in ApiRoutes.All.Select(r => r.Handler).Distinct())
        {
            services.AddSingleton(handler);
        }

        return services;
    }
}
