using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MovieRec.Api;

public static class StandaloneHostRegistration
{
    /// <summary>
    /// What only the standalone host checks at start: API_KEYS wherever loopback is no proof
    /// (<see cref="ApiKeysRequired"/>). The host's SettingsCheck turns a failure into one line.
    /// </summary>
    public static IServiceCollection AddStandaloneHostChecks(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<ApiKeyOptions>, ApiKeysRequired>();
        return services;
    }
}
