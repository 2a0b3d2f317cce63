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
                var answer = route.Access == ApiAccess.KeyHolders && !context.RequestServices.GetRequiredService<ApiKeyCheck>().Admits(context)
                    ? ApiErrors.Of(StatusCodes.Status401Unauthorized, KeyRequired)
                    : await route.AnswerAsync(context);
                await answer.ExecuteAsync(context);
            });
        }

        return endpoints;
    }
}
