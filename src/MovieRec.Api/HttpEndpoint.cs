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
        catch (StoreUnavailableException e)
        {
            context.RequestServices.GetRequiredService<FailureLog>().Report(LogLevel.Warning, "Ratings store unavailable", e);
            return ApiResult.Error(StatusCodes.Status503ServiceUnavailable, "The ratings store is unreachable; try again shortly.", StoreRetryAfter);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client hung up: nobody reads this answer, and it is no fault of ours or of the store.
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HttpEndpoint))
                .LogDebug("Client went away during {Path}", context.Request.Path);
            return ApiResult.Error(StatusCodes.Status400BadRequest, "The request was cancelled by the client.");
        }
        catch (Exception e)
        {
            // A bug: a JSON answer with the request id to quote, and the stack trace in the log once per interval.
            context.RequestServices.GetRequiredService<FailureLog>().Report(LogLevel.Error, $"Unexpected failure on {context.Request.Path}", e);
            return ApiResult.Error(
                StatusCodes.Status500InternalServerError,
                $"Something went wrong on our side; quote request id {context.TraceIdentifier} if you report it.");
        }
    }

    public static Task<ApiResult> HandleAsync<THandler>(HttpContext context) => HandleAsync(context, typeof(THandler));
}
