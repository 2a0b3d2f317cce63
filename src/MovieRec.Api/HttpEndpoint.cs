using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MovieRec.Service;
using MovieRec.Storage;

namespace MovieRec.Api;

/// <summary>
/// The one path from an HTTP request to a handler's answer, used by both hosts: read the body,
/// run the handler, turn refusals into 4xx and a store outage into 503 with Retry-After.
/// </summary>
public static class HttpEndpoint
{
    public static readonly TimeSpan StoreRetryAfter = TimeSpan.FromSeconds(5);

    public static async Task<ApiResult> HandleAsync(HttpContext context, Type handlerType)
    {
        var cancellationToken = context.RequestAborted;
        try
        {
            return context.RequestServices.GetRequiredService(handlerType) switch
            {
                IApiHandler handler => await handler.HandleAsync(await RequestBody.ReadAsync(context.Request, cancellationToken), cancellationToken),
                IRequestHandler handler => await handler.HandleAsync(context.Request, cancellationToken),
                var other => throw new InvalidOperationException($"{other.GetType()} handles no route."),
            };
        }
        catch (ContractException e)
        {
            return ApiResult.Error(e.Status, e.Message);
        }
        catch (Exception e) when (e is UnknownUserException or UnknownMovieException or NoUnratedMovieException)
        {
            return ApiResult.Error(StatusCodes.Status404NotFound, e.Message);
        }
        catch (StoreUnavailableException e)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HttpEndpoint))
                .LogWarning(e, "Ratings store unavailable on {Path}", context.Request.Path);
            return ApiResult.Error(StatusCodes.Status503ServiceUnavailable, "The ratings store is unreachable; try again shortly.", StoreRetryAfter);
        }
    }

    public static Task<ApiResult> HandleAsync<THandler>(HttpContext context) => HandleAsync(context, typeof(THandler));
}
