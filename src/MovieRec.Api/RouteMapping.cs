using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace MovieRec.Api;

public static class RouteMapping
{
    /// <summary>Maps every route of <see cref="ApiRoutes.All"/> onto its handler (the standalone host's route table).</summary>
    public static IEndpointRouteBuilder MapMovieRecRoutes(this IEndpointRouteBuilder endpoints)
    {
        foreach (var route in ApiRoutes.All)
        {
            var handler = route.Handler;
            endpoints.MapMethods("/" + route.Path, [route.Method], async context =>
            {
                var result = await HttpEndpoint.HandleAsync(context, handler);
                await result.ExecuteAsync(context);
            });
        }

        return endpoints;
    }
}
