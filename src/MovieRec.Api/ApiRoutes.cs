using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MovieRec.Api;

/// <summary>
/// Every route MovieRec serves, declared once, each with its typed request and handler. The
/// standalone host maps <see cref="All"/>; each Azure Function names its route with these constants
/// (attributes need constants) and answers with the route's own entry, and a test checks the
/// Worker SDK's functions.metadata against <see cref="All"/>.
/// </summary>
public static class ApiRoutes
{
    public const string Register = "register";
    public const string GetUnratedMovie = "get_unrated_movie";
    public const string RateMovie = "rate_movie";
    public const string Rate = "rate";
    public const string SkipMovie = "skip_movie";
    public const string Recommend = "recommend";
    public const string Forget = "forget";
    public const string RecommendGroup = "recommend_group";
    public const string SearchMovies = "search_movies";
    public const string MyRatings = "my_ratings";
    public const string UnrateMovie = "unrate_movie";
    public const string Health = "health";
    public const string TelegramWebhook = "telegram/webhook";
    public const string MiniAppApiRoute = MiniAppApi.PathPrefix + "{action}";
    public const string MiniApp = "app";
    public const string MiniAppFile = "app/{file}";

    public static readonly ApiRoute RegisterRoute = Post(Register, ChatRequest.Read, (handlers, request, context, cancellationToken) =>
        handlers.RegisterAsync(request, ApiCaller.Of(context.Request), context.Response, cancellationToken));

    public static readonly ApiRoute GetUnratedMovieRoute = Post(GetUnratedMovie, ChatRequest.Read, (handlers, request, _, cancellationToken) =>
        handlers.GetUnratedMovieAsync(request, cancellationToken));

    public static readonly ApiRoute RateMovieRoute = Post(RateMovie, RateRequest.Read, (handlers, request, _, cancellationToken) =>
        handlers.RateMovieAsync(request, cancellationToken));

    public static readonly ApiRoute RateRoute = Post(Rate, RateRequest.Read, (handlers, request, _, cancellationToken) =>
        handlers.RateMovieAsync(request, cancellationToken));

    public static readonly ApiRoute SkipMovieRoute = Post(SkipMovie, SkipRequest.Read, (handlers, request, _, cancellationToken) =>
        handlers.SkipMovieAsync(request, cancellationToken));

    public static readonly ApiRoute RecommendRoute = Post(Recommend, RecommendRequest.Read, (handlers, request, _, cancellationToken) =>
        handlers.RecommendAsync(request, cancellationToken));

    public static readonly ApiRoute RecommendGroupRoute = Post(RecommendGroup, RecommendGroupRequest.Read, (handlers, request, _, cancellationToken) =>
        handlers.RecommendGroupAsync(request, cancellationToken));

    public static readonly ApiRoute SearchMoviesRoute = Post(SearchMovies, SearchRequest.Read, (handlers, request, _, cancellationToken) =>
        handlers.SearchMoviesAsync(request, cancellationToken));

    public static readonly ApiRoute MyRatingsRoute = Post(MyRatings, MyRatingsRequest.Read, (handlers, request, _, cancellationToken) =>
        handlers.MyRatingsAsync(request, cancellationToken));

    public static readonly ApiRoute UnrateMovieRoute = Post(UnrateMovie, UnrateRequest.Read, (handlers, request, _, cancellationToken) =>
        handlers.UnrateMovieAsync(request, cancellationToken));

    public static readonly ApiRoute ForgetRoute = Post(Forget, ChatRequest.Read, (handlers, request, _, cancellationToken) =>
        handlers.ForgetAsync(request, cancellationToken));

    public static readonly ApiRoute HealthRoute = new("GET", Health, ApiAccess.Anyone, context =>
        HttpEndpoint.RunAsync(context, _ => Task.FromResult<IResult>(context.RequestServices.GetRequiredService<Handlers>().Health())));

    // Anonymous to the hosts: the webhook checks Telegram's secret itself.
    public static readonly ApiRoute TelegramWebhookRoute = new("POST", TelegramWebhook, ApiAccess.Anyone, context =>
        HttpEndpoint.RunAsync(context, cancellationToken =>
            context.RequestServices.GetRequiredService<ITelegramWebhook>().HandleAsync(context.Request, cancellationToken)));

    // Anonymous to the hosts: each call signs in with Telegram's initData (MiniAppApi).
    public static readonly ApiRoute MiniAppRoute = new("POST", MiniAppApiRoute, ApiAccess.Anyone, MiniAppApi.AnswerAsync);

    public static readonly ApiRoute MiniAppPageRoute = new("GET", MiniApp, ApiAccess.Anyone, MiniAppPage.PageAsync);

    public static readonly ApiRoute MiniAppFileRoute = new("GET", MiniAppFile, ApiAccess.Anyone, MiniAppPage.FileAsync);

    public static IReadOnlyList<ApiRoute> All { get; } =
        [RegisterRoute, GetUnratedMovieRoute, RateMovieRoute, RateRoute, SkipMovieRoute, RecommendRoute, RecommendGroupRoute, SearchMoviesRoute, MyRatingsRoute, UnrateMovieRoute,
            ForgetRoute, HealthRoute, TelegramWebhookRoute, MiniAppRoute, MiniAppPageRoute, MiniAppFileRoute];

    /// <summary>
    /// A JSON route: its body read by <paramref name="read"/>, answered by the injected <see cref="Handlers"/>.
    /// A request with more than one key value is 401 here, in both hosts (<see cref="ApiCaller"/>).
    /// </summary>
    private static ApiRoute Post<TRequest, TResult>(
        string path, Func<JsonElement?, Parsed<TRequest>> read, Func<Handlers, TRequest, HttpContext, CancellationToken, Task<TResult>> handle)
        where TResult : IResult =>
        new("POST", path, context => ApiCaller.KeyValues(context.Request) > 1
            ? Task.FromResult<IResult>(ApiErrors.Of(StatusCodes.Status401Unauthorized, RouteMapping.KeyRequired))
            : HttpEndpoint.HandleAsync(context, read, async (request, cancellationToken) =>
                await handle(context.RequestServices.GetRequiredService<Handlers>(), request, context, cancellationToken)));
}

/// <summary>One route: its method, its path (no leading slash, no prefix), who may call it, and how it answers.</summary>
public sealed record ApiRoute(string Method, string Path, ApiAccess Access, Func<HttpContext, Task<IResult>> AnswerAsync)
{
    /// <summary>A JSON route: key holders only (function-level in Azure, API_KEYS or loopback on the standalone host).</summary>
    public ApiRoute(string method, string path, Func<HttpContext, Task<IResult>> answerAsync)
        : this(method, path, ApiAccess.KeyHolders, answerAsync)
    {
    }
}

/// <summary>Who may call a route (docs/api.md, "Who may call what").</summary>
public enum ApiAccess
{
    /// <summary>A caller with an API key (x-functions-key).</summary>
    KeyHolders,

    /// <summary>Anyone: /health, and the webhook, which checks Telegram's secret itself.</summary>
    Anyone,
}
