using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using MovieRec.Bot;
using MovieRec.Service;

namespace MovieRec.Api;

/// <summary>
/// POST /app/api/{action}: the Mini App's calls, the same use cases and handlers as the JSON routes,
/// for the signed-in person only. Each call signs in with Telegram's initData in
/// <c>Authorization: tma …</c> (401 when missing, forged or expired); the chat is the signed user id,
/// and a chat_id in the body is never read. Sign-ins are limited per user, failed ones per client
/// address, and writes spend the person's rate limit as bot presses do (429 with Retry-After).
/// </summary>
public static class MiniAppApi
{
    public const string PathPrefix = "app/api/";

    public const string SignInRequired = "Sign-in failed: open MovieRec from Telegram again.";

    public const string TooManyFailedSignIns = "Too many failed sign-ins from this address; open MovieRec from Telegram again after Retry-After.";

    private delegate Task<IResult> Action(Handlers handlers, string chatId, JsonElement? body, CancellationToken cancellationToken);

    private static readonly Dictionary<string, (bool Writes, Action Run)> Actions = new(StringComparer.Ordinal)
    {
        ["me"] = (false, async (handlers, chat, _, cancellationToken) => await handlers.SignedInAsync(chat, cancellationToken)),
        ["offer"] = (false, async (handlers, chat, _, cancellationToken) => await handlers.GetUnratedMovieAsync(new ChatRequest(chat), shownTogether: true, cancellationToken)),
        ["rate"] = (true, (handlers, chat, body, cancellationToken) =>
            HttpEndpoint.AnswerAsync(RateRequest.For(chat, body), async request => await handlers.RateMovieAsync(request, cancellationToken))),
        ["skip"] = (true, (handlers, chat, body, cancellationToken) =>
            HttpEndpoint.AnswerAsync(SkipRequest.For(chat, body), async request => await handlers.SkipMovieAsync(request, cancellationToken))),
        ["unrate"] = (true, (handlers, chat, body, cancellationToken) =>
            HttpEndpoint.AnswerAsync(UnrateRequest.For(chat, body), async request => await handlers.UnrateMovieAsync(request, cancellationToken))),
        ["search"] = (false, (handlers, chat, body, cancellationToken) =>
            HttpEndpoint.AnswerAsync(SearchRequest.For(chat, body), async request => await handlers.SearchMoviesAsync(request, cancellationToken))),
        ["ratings"] = (false, (handlers, chat, body, cancellationToken) =>
            HttpEndpoint.AnswerAsync(MyRatingsRequest.For(chat, body), async request => await handlers.MyRatingsAsync(request, cancellationToken))),
        ["recommend"] = (false, (handlers, chat, body, cancellationToken) =>
            HttpEndpoint.AnswerAsync(RecommendRequest.For(chat, body), async request => await handlers.RecommendAsync(request, cancellationToken))),
        ["forget"] = (true, async (handlers, chat, _, cancellationToken) => await handlers.ForgetAsync(new ChatRequest(chat), cancellationToken)),
    };

    /// <summary>The actions, for the page and the docs.</summary>
    public static IReadOnlyCollection<string> Names => Actions.Keys;

    public static Task<IResult> AnswerAsync(HttpContext context) =>
        HttpEndpoint.RunAsync(context, async cancellationToken =>
        {
            var name = context.Request.Path.Value?[(context.Request.Path.Value.LastIndexOf('/') + 1)..] ?? "";
            if (!Actions.TryGetValue(name, out var action))
            {
                return ApiErrors.Of(StatusCodes.Status404NotFound, $"There is no /app/api/{name}: the Mini App's calls are {string.Join(", ", Actions.Keys)}.");
            }

            var services = context.RequestServices;
            var limits = services.GetRequiredService<RateLimits>();
            var authorization = context.Request.Headers.Authorization.ToString();
            var initData = authorization.StartsWith("tma ", StringComparison.Ordinal) ? authorization[4..] : null;
            if (!services.GetRequiredService<MiniAppSignIn>().TryValidate(initData, out var user))
            {
                // Failures are counted per client address; a valid sign-in is never refused by that count.
                return limits.TryFailedSignIn(context.Connection.RemoteIpAddress, out var failedWait)
                    ? ApiErrors.Of(StatusCodes.Status401Unauthorized, SignInRequired)
                    : Handlers.TooMany(context.Response, failedWait, TooManyFailedSignIns);
            }

            var chat = user.ToString(CultureInfo.InvariantCulture);
            if (!limits.TryMiniAppSignIn(chat, out var wait) || (action.Writes && !limits.TryPersonWrite(chat, out wait)))
            {
                return Handlers.TooMany(context.Response, wait, "Too many requests from this person; try again after Retry-After.");
            }

            if (!(await RequestBody.ReadAsync(context.Request, cancellationToken)).TryGet(out var body, out var refusal))
            {
                return ApiErrors.Of(refusal);
            }

            return await action.Run(services.GetRequiredService<Handlers>(), chat, body, cancellationToken);
        });
}
