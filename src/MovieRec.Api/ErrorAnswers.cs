using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MovieRec.Api;

public static class ErrorAnswers
{
    /// <summary>
    /// A JSON {"error": …} on the answers the routes never see: an unknown path (404; under /app/api/
    /// it names the Mini App's calls) and a method a route does not take (405), in the standalone
    /// host. (In Azure, the Functions host answers paths that match no function itself.)
    /// </summary>
    public static IApplicationBuilder UseMovieRecErrorAnswers(this IApplicationBuilder app) =>
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            var message = http.Response.StatusCode switch
            {
                StatusCodes.Status404NotFound when http.Request.Path.StartsWithSegments("/" + MiniAppApi.PathPrefix.TrimEnd('/'), StringComparison.Ordinal) =>
                    $"There is no {http.Request.Path}: the Mini App's calls are {string.Join(", ", MiniAppCalls)}.",
                StatusCodes.Status404NotFound =>
                    $"There is no {http.Request.Path}: the API is POST /{string.Join(", /", ApiRoutes.All.Where(r => r.Method == "POST").Select(r => r.Path))} and GET /{ApiRoutes.Health}.",
                StatusCodes.Status405MethodNotAllowed =>
                    $"{http.Request.Path} does not take {http.Request.Method}; it takes {(string.IsNullOrEmpty(http.Response.Headers.Allow) ? "another method" : http.Response.Headers.Allow.ToString())}.",
                var status => $"The request was refused ({status}).",
            };
            await ApiErrors.Of(http.Response.StatusCode, message).ExecuteAsync(http);
        });

    private static IEnumerable<string> MiniAppCalls =>
        ApiRoutes.All.Where(r => r.Path.StartsWith(MiniAppApi.PathPrefix, StringComparison.Ordinal)).Select(r => r.Path[MiniAppApi.PathPrefix.Length..]);
}
