using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace MovieRec.Api;

public static class RouteMapping
{
    /// <summary>Maps every route of <see cref="ApiRoutes.All"/> (the standalone host's route table).</summary>
    public static IEndpointRouteBuilder MapMovieRecRoutes(this IEndpointRouteBuilder endpoints)
    {
        foreach (var route in ApiRoutes.All)
        {
            endpoints.MapMethods("/" + route.Path, [route.Method], async context => await (await route.AnswerAsync(context)).ExecuteAsync(context));
        }

        return endpoints;
    }
}
