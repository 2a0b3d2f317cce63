using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using MovieRec.Storage;

namespace MovieRec.Api;

/// <summary>
/// The one path from an HTTP request to an answer, used by both hosts for every route of
/// <see cref="ApiRoutes"/>: read the body into a typed request (for the Mini App's calls, after
/// signing the person in), run the handler, and turn what went wrong into the JSON errors of
/// docs/api.md — a refused request into its 4xx, a store outage into 503 with Retry-After, a bug
/// (the store's refusal of a call included: retrying will not help) into 500 with a request id.
/// One per request: the hosts get it by injection (<see cref="RouteMapping"/>, the Functions' constructor).
/// </summary>
public sealed class HttpEndpoint(
    Handlers handlers, MiniAppApi miniApp, Func<ITelegramWebhook> webhook, FailureLog failures, ILogger<HttpEndpoint> logger)
{
    public static readonly TimeSpan StoreRetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>When the instance's store calls were all taken (a burst), a slot comes free within a second.</summary>
    public static readonly TimeSpan BusyRetryAfter = TimeSpan.FromSeconds(1);

    /// <summary>A key holder's route: its JSON body <paramref name="read"/> into a typed request for <paramref name="handle"/>, or a refusal.</summary>
    public Task<IResult> HandleAsync<TRequest>(
        HttpContext context,
        Func<JsonElement?, Parsed<TRequest>> read,
        Func<Handlers, TRequest, CancellationToken, Task<IResult>> handle) =>
        RunAsync(context, async cancellationToken =>
        {
            if (!(await RequestBody.ReadAsync(context.Request, cancellationToken)).TryGet(out var body, out var refusal))
            {
                return ApiErrors.Of(refusal);
            }

            return await AnswerAsync(read(body), request => handle(handlers, request, cancellationToken));
        });

    /// <summary>
    /// One of the Mini App's calls: the person signed in (<see cref="MiniAppApi"/>) before the body is
    /// read, then the body <paramref name="read"/> for that person, never for a chat the body names.
    /// </summary>
    public Task<IResult> HandleSignedInAsync<TRequest>(
        HttpContext context,
        bool writes,
        Func<string, JsonElement?, Parsed<TRequest>> read,
        Func<Handlers, TRequest, CultureInfo, CancellationToken, Task<IResult>> handle) =>
        RunAsync(context, async cancellationToken =>
        {
            if (!miniApp.TrySignIn(context, writes, out var person, out var signInRefused))
            {
                return signInRefused;
            }

            if (!(await RequestBody.ReadAsync(context.Request, cancellationToken)).TryGet(out var body, out var refusal))
            {
                return ApiErrors.Of(refusal);
            }

            return await AnswerAsync(read(person.ChatId, body), request => handle(handlers, request, person.Language, cancellationToken));
        });

    /// <summary>GET /health.</summary>
    public Task<IResult> HealthAsync(HttpContext context) =>
        RunAsync(context, _ => Task.FromResult<IResult>(handlers.Health()));

    /// <summary>POST /telegram/webhook; the webhook's handler (it holds typed HttpClients) is made for this call only.</summary>
    public Task<IResult> TelegramWebhookAsync(HttpContext context) =>
        RunAsync(context, cancellationToken => webhook().HandleAsync(context.Request, cancellationToken));

    /// <summary>Runs an answer with the error handling of docs/api.md around it.</summary>
    public async Task<IResult> RunAsync(HttpContext context, Func<CancellationToken, Task<IResult>> answer)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(answer);
        var cancellationToken = context.RequestAborted;
        try
        {
            return await answer(cancellationToken);
        }
        catch (StoreUnavailableException e)
        {
            // Queued: this instance's store calls were all taken by a burst; otherwise the store is down.
            var (retryAfter, problem, message) = e.Failure == StoreFailure.Queued
                ? (BusyRetryAfter, "Store calls queued past their budget", "MovieRec is busy; try again in a second.")
                : (StoreRetryAfter, "Ratings store unavailable", "The ratings store is unreachable; try again shortly.");
            failures.Report(LogLevel.Warning, problem, e);
            context.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return ApiErrors.Of(StatusCodes.Status503ServiceUnavailable, message);
        }
        catch (StoreRejectedException e)
        {
            // The store is up and refused the call (a missing role, a malformed request): ours to fix, not the caller's to retry.
            return Failed(context, $"The ratings store refused a call on {context.Request.Path}", e);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client hung up: nobody reads this answer, and it is no fault of ours or of the store.
            logger.LogDebug("Client went away during {Path}", context.Request.Path);
            return ApiErrors.Of(StatusCodes.Status400BadRequest, "The request was cancelled by the client.");
        }
        catch (Exception e)
        {
            return Failed(context, $"Unexpected failure on {context.Request.Path}", e);
        }
    }

    /// <summary>The handler's answer to a request, or the 4xx of its refusal.</summary>
    private static async Task<IResult> AnswerAsync<TRequest>(Parsed<TRequest> parsed, Func<TRequest, Task<IResult>> handle) =>
        parsed.TryGet(out var request, out var refusal) ? await handle(request) : ApiErrors.Of(refusal);

    /// <summary>A bug: a JSON answer with the request id to quote, and the stack trace in the log once per interval.</summary>
    private JsonHttpResult<ErrorAnswer> Failed(HttpContext context, string what, Exception e)
    {
        failures.Report(LogLevel.Error, what, e);
        return ApiErrors.Of(
            StatusCodes.Status500InternalServerError,
            $"Something went wrong on our side; quote request id {context.TraceIdentifier} if you report it.");
    }
}
