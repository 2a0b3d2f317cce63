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
/// and a chat_id in the body is never read. Sign-ins are limited per user, and writes spend the
/// person's rate limit as bot presses do (429 with Retry-After).
/// </summary>
public static class MiniAppApi
{
    public const string PathPrefix = "app/api/";

    public const string SignInRequired = "Sign-in failed: open MovieRec from Telegram again.";

    private delegate Task<IResult> Action(string chatId, JsonElement? body, IServiceProvider services, CancellationToken cancellationToken);

    private static readonly Dictionary<string, (bool Writes, Action Run)> Actions = new(StringComparer.Ordinal)
    {
        // Signing in registers the person, so every other call finds them.
        ["me"] = (false, async (chat, _, services, cancellationToken) =>
        {
            var service = services.GetRequiredService<RecommenderService>();
            await service.RegisterAsync(chat, cancellationToken);
            var page = await service.MyRatingsAsync(chat, 0, 1, cancellationToken);
            return TypedResults.Ok(new MiniAppMeAnswer(page.Value?.Total ?? 0, service.Genres.Names));
        }),
        ["offer"] = (false, async (chat, _, services, cancellationToken) =>
            await Handlers.GetUnratedMovieAsync(new ChatRequest(chat), Service(services), cancellationToken)),
        ["rate"] = (true, async (chat, body, services, cancellationToken) =>
            await Handlers.RateMovieAsync(RateRequest.For(chat, body), Service(services), cancellationToken)),
        ["skip"] = (true, async (chat, body, services, cancellationToken) =>
            await Handlers.SkipMovieAsync(SkipRequest.For(chat, body), Service(services), cancellationToken)),
        ["unrate"] = (true, async (chat, body, services, cancellationToken) =>
            await Handlers.UnrateMovieAsync(UnrateRequest.For(chat, body), Service(services), cancellationToken)),
        ["search"] = (false, async (chat, body, services, cancellationToken) =>
            await Handlers.SearchMoviesAsync(SearchRequest.For(chat, body), Service(services), cancellationToken)),
        ["ratings"] = (false, async (chat, body, services, cancellationToken) =>
            await Handlers.MyRatingsAsync(MyRatingsRequest.For(chat, body), Service(services), cancellationToken)),
        ["recommend"] = (false, async (chat, body, services, cancellationToken) =>
            await Handlers.RecommendAsync(RecommendRequest.For(chat, body), Service(services), cancellationToken)),
        ["forget"] = (true, async (chat, _, services, cancellationToken) =>
            await Handlers.ForgetAsync(new ChatRequest(chat), Service(services), cancellationToken)),
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
            var authorization = context.Request.Headers.Authorization.ToString();
            var initData = authorization.StartsWith("tma ", StringComparison.Ordinal) ? authorization[4..] : null;
            if (!services.GetRequiredService<MiniAppSignIn>().TryValidate(initData, out var user))
            {
                return ApiErrors.Of(StatusCodes.Status401Unauthorized, SignInRequired);
            }

            var chat = user.ToString(CultureInfo.InvariantCulture);
            var limits = services.GetRequiredService<RateLimits>();
            if (!limits.TryMiniAppSignIn(chat, out var wait) || (action.Writes && !limits.TryPersonWrite(chat, out wait)))
            {
                return Handlers.TooMany(context.Response, wait, "Too many requests from this person; try again after Retry-After.");
            }

            var body = await RequestBody.ReadAsync(context.Request, cancellationToken);
            return await action.Run(chat, body, services, cancellationToken);
        });

    private static RecommenderService Service(IServiceProvider services) => services.GetRequiredService<RecommenderService>();
}
