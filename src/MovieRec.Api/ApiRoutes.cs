using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using MovieRec.Service;

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
    public const string SearchMovies = "search_movies";
    public const string MyRatings = "my_ratings";
    public const string UnrateMovie = "unrate_movie";
    public const string Health = "health";
    public const string TelegramWebhook = "telegram/webhook";
    public const string MiniAppApiRoute = MiniAppApi.PathPrefix + "{action}";
    public const string MiniApp = "app";
    public const string MiniAppFile = "app/{file}";

    public static readonly ApiRoute RegisterRoute = new("POST", Register, context => HttpEndpoint.HandleAsync(context, ChatRequest.Read, async (request, services, cancellationToken) =>
        await Handlers.RegisterAsync(
            request, ApiCaller.Of(context.Request), services.GetRequiredService<RecommenderService>(), services.GetRequiredService<RateLimits>(), context.Response, cancellationToken)));

    public static readonly ApiRoute GetUnratedMovieRoute = Post(GetUnratedMovie, ChatRequest.Read, (request, services, cancellationToken) =>
        Handlers.GetUnratedMovieAsync(request, services.GetRequiredService<RecommenderService>(), cancellationToken));

    public static readonly ApiRoute RateMovieRoute = Post(RateMovie, RateRequest.Read, RateMovieAsync);

    public static readonly ApiRoute RateRoute = Post(Rate, RateRequest.Read, RateMovieAsync);

    public static readonly ApiRoute SkipMovieRoute = Post(SkipMovie, SkipRequest.Read, (request, services, cancellationToken) =>
        Handlers.SkipMovieAsync(request, services.GetRequiredService<RecommenderService>(), cancellationToken));

    public static readonly ApiRoute RecommendRoute = Post(Recommend, RecommendRequest.Read, (request, services, cancellationToken) =>
        Handlers.RecommendAsync(request, services.GetRequiredService<RecommenderService>(), cancellationToken));

    public static readonly ApiRoute SearchMoviesRoute = Post(SearchMovies, SearchRequest.Read, (request, services, cancellationToken) =>
        Handlers.SearchMoviesAsync(request, services.GetRequiredService<RecommenderService>(), cancellationToken));

    public static readonly ApiRoute MyRatingsRoute = Post(MyRatings, MyRatingsRequest.Read, (request, services, cancellationToken) =>
        Handlers.MyRatingsAsync(request, services.GetRequiredService<RecommenderService>(), cancellationToken));

    public static readonly ApiRoute UnrateMovieRoute = Post(UnrateMovie, UnrateRequest.Read, (request, services, cancellationToken) =>
        Handlers.UnrateMovieAsync(request, services.GetRequiredService<RecommenderService>(), cancellationToken));

    public static readonly ApiRoute ForgetRoute = Post(Forget, ChatRequest.Read, (request, services, cancellationToken) =>
        Handlers.ForgetAsync(request, services.GetRequiredService<RecommenderService>(), cancellationToken));

    public static readonly ApiRoute HealthRoute = new("GET", Health, ApiAccess.Anyone, context =>
        HttpEndpoint.RunAsync(context, _ => Task.FromResult<IResult>(Handlers.Health(context.RequestServices.GetRequiredService<LiveModel>()))));

    // Anonymous to the hosts: the webhook checks Telegram's secret itself.
    public static readonly ApiRoute TelegramWebhookRoute = new("POST", TelegramWebhook, ApiAccess.Anyone, context =>
        HttpEndpoint.RunAsync(context, cancellationToken =>
            context.RequestServices.GetRequiredService<TelegramWebhookHandler>().HandleAsync(context.Request, cancellationToken)));

    // Anonymous to the hosts: each call signs in with Telegram's initData (MiniAppApi).
    public static readonly ApiRoute MiniAppRoute = new("POST", MiniAppApiRoute, ApiAccess.Anyone, MiniAppApi.AnswerAsync);

    public static readonly ApiRoute MiniAppPageRoute = new("GET", MiniApp, ApiAccess.Anyone, MiniAppPage.PageAsync);

    public static readonly ApiRoute MiniAppFileRoute = new("GET", MiniAppFile, ApiAccess.Anyone, MiniAppPage.FileAsync);

    public static IReadOnlyList<ApiRoute> All { get; } =
        [RegisterRoute, GetUnratedMovieRoute, RateMovieRoute, RateRoute, SkipMovieRoute, RecommendRoute, SearchMoviesRoute, MyRatingsRoute, UnrateMovieRoute,
            ForgetRoute, HealthRoute, TelegramWebhookRoute, MiniAppRoute, MiniAppPageRoute, MiniAppFileRoute];

    private static Task<Results<Ok<RateAnswer>, JsonHttpResult<ErrorAnswer>>> RateMovieAsync(
        RateRequest request, IServiceProvider services, CancellationToken cancellationToken) =>
        Handlers.RateMovieAsync(request, services.GetRequiredService<RecommenderService>(), cancellationToken);

    private static ApiRoute Post<TRequest, TResult>(
        string path, Func<JsonElement?, TRequest> read, Func<TRequest, IServiceProvider, CancellationToken, Task<TResult>> handle)
        where TResult : IResult =>
        new("POST", path, context => HttpEndpoint.HandleAsync(context, read, async (request, services, cancellationToken) => await handle(request, services, cancellationToken)));
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

/// <summary>Who may call a route (the contract's "Who may call what").</summary>
public enum ApiAccess
{
    /// <summary>A caller with an API key (x-functions-key).</summary>
    KeyHolders,

    /// <summary>Anyone: /health, and the webhook, which checks Telegram's secret itself.</summary>
    Anyone,
}
