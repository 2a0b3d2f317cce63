using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MovieRec.Api;

public static class RouteMapping
{
    public const string KeyRequired = "A valid API key is required in the x-functions-key header.";

    /// <summary>
    /// Maps every route of <see cref="ApiRoutes.All"/> (the standalone host's route table), the JSON
    /// routes behind <see cref="ApiKeyCheck"/> as the Functions host puts them behind function keys.
    /// </summary>
    public static IEndpointRouteBuilder MapMovieRecRoutes(this IEndpointRouteBuilder endpoints)
    {
        foreach (var route in ApiRoutes.All)
        {
            endpoints.MapMethods("/" + route.Path, [route.Method], async context =>
            {
                // The host's edge, as the Functions worker's activator is for ApiFunctions: the request's
                // own services, taken here once (a delegate with injected parameters costs its compile at cold start).
                var services = context.RequestServices;
                var answer = route.Access == ApiAccess.KeyHolders && !services.GetRequiredService<ApiKeyCheck>().Admits(context)
                    ? ApiErrors.Of(StatusCodes.Status401Unauthorized, KeyRequired)
                    : await route.AnswerAsync(services.GetRequiredService<HttpEndpoint>(), context);
                await answer.ExecuteAsync(context);
            });
        }

        return endpoints;
    }
}
