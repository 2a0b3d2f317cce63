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
    public const string OpenApi = "openapi.json";

    public static readonly ApiRoute RegisterRoute = Post(Register, ChatRequest.Read, (handlers, request, context, cancellationToken) =>
        handlers.RegisterAsync(request, ApiCaller.Of(context.Request), context.Response, cancellationToken)) with
    {
        Description = ApiDescription.Json(
            "Registers a chat id: {\"exists\": 0} the first time it is seen, 1 after.", RequestSchemas.Chat, AnswerExamples.Registered, StatusCodes.Status429TooManyRequests),
    };

    public static readonly ApiRoute GetUnratedMovieRoute = Post(GetUnratedMovie, ChatRequest.Read, (handlers, request, _, cancellationToken) =>
        handlers.GetUnratedMovieAsync(request, cancellationToken)) with
    {
        Description = ApiDescription.Json(
            "A movie the person has neither rated nor skipped, likely one they know.", RequestSchemas.Chat, AnswerExamples.Movie, StatusCodes.Status404NotFound),
    };

    public static readonly ApiRoute RateMovieRoute = Post(RateMovie, RateRequest.Read, (handlers, request, _, cancellationToken) =>
        handlers.RateMovieAsync(request, cancellationToken)) with
    {
        Description = ApiDescription.Json(
            "Stores a rating (0.5 to 5 in half steps); rating again replaces it.", RequestSchemas.Rate, AnswerExamples.Rated, StatusCodes.Status404NotFound),
    };

    public static readonly ApiRoute RateRoute = Post(Rate, RateRequest.Read, (handlers, request, _, cancellationToken) =>
        handlers.RateMovieAsync(request, cancellationToken)) with
    {
        Description = ApiDescription.Json(
            "/rate_movie by another name.", RequestSchemas.Rate, AnswerExamples.Rated, StatusCodes.Status404NotFound),
    };

    public static readonly ApiRoute SkipMovieRoute = Post(SkipMovie, SkipRequest.Read, (handlers, request, _, cancellationToken) =>
        handlers.SkipMovieAsync(request, cancellationToken)) with
    {
        Description = ApiDescription.Json(
            "The person has not seen this movie: never offered or recommended again.", RequestSchemas.Skip, AnswerExamples.Skipped, StatusCodes.Status404NotFound),
    };

    public static readonly ApiRoute RecommendRoute = Post(Recommend, RecommendRequest.Read, (handlers, request, _, cancellationToken) =>
        handlers.RecommendAsync(request, cancellationToken)) with
    {
        Description = ApiDescription.Json(
            "The top_n movies ranked best for the person, optionally of some genres; [] below 10 ratings.", RequestSchemas.Recommend, AnswerExamples.Recommended),
    };

    public static readonly ApiRoute RecommendGroupRoute = Post(RecommendGroup, RecommendGroupRequest.Read, (handlers, request, _, cancellationToken) =>
        handlers.RecommendGroupAsync(request, cancellationToken)) with
    {
        Description = ApiDescription.Json(
            "The top_n films best for a group as a whole (2-10 people with 10+ ratings each), each with every member's predicted stars; a member not ready is a 400 naming them.",
            RequestSchemas.RecommendGroup,
            AnswerExamples.GroupRecommended),
    };

    public static readonly ApiRoute SearchMoviesRoute = Post(SearchMovies, SearchRequest.Read, (handlers, request, _, cancellationToken) =>
        handlers.SearchMoviesAsync(request, cancellationToken)) with
    {
        Description = ApiDescription.Json(
            "Movies by title, best match first; with chat_id, that person's rating or skip of each.", RequestSchemas.Search, AnswerExamples.Found),
    };

    public static readonly ApiRoute MyRatingsRoute = Post(MyRatings, MyRatingsRequest.Read, (handlers, request, _, cancellationToken) =>
        handlers.MyRatingsAsync(request, cancellationToken)) with
    {
        Description = ApiDescription.Json(
            "A page of the person's ratings, newest first, and how many in all.", RequestSchemas.MyRatings, AnswerExamples.MyRatings, StatusCodes.Status404NotFound),
    };

    public static readonly ApiRoute UnrateMovieRoute = Post(UnrateMovie, UnrateRequest.Read, (handlers, request, _, cancellationToken) =>
        handlers.UnrateMovieAsync(request, cancellationToken)) with
    {
        Description = ApiDescription.Json(
            "Takes back a rating or skip; how many movies the person has rated now.", RequestSchemas.Unrate, AnswerExamples.Unrated, StatusCodes.Status404NotFound),
    };

    public static readonly ApiRoute ForgetRoute = Post(Forget, ChatRequest.Read, (handlers, request, _, cancellationToken) =>
        handlers.ForgetAsync(request, cancellationToken)) with
    {
        Description = ApiDescription.Json(
            "Deletes everything held about the chat id.", RequestSchemas.Chat, AnswerExamples.Forgotten, StatusCodes.Status404NotFound),
    };

    public static readonly ApiRoute HealthRoute = new("GET", Health, ApiAccess.Anyone, context =>
        HttpEndpoint.RunAsync(context, _ => Task.FromResult<IResult>(context.RequestServices.GetRequiredService<Handlers>().Health())))
    {
        Description = new("The model in use: counts, version, build and load times; nothing secret.", null, [AnswerExamples.Health],
            [StatusCodes.Status405MethodNotAllowed, StatusCodes.Status500InternalServerError]),
    };

    // Anonymous to the hosts: the webhook checks Telegram's secret itself.
    public static readonly ApiRoute TelegramWebhookRoute = new("POST", TelegramWebhook, ApiAccess.Anyone, context =>
        HttpEndpoint.RunAsync(context, cancellationToken =>
            context.RequestServices.GetRequiredService<ITelegramWebhook>().HandleAsync(context.Request, cancellationToken)))
    {
        Description = new(
            "Telegram's updates, checked by the X-Telegram-Bot-Api-Secret-Token header; each acted on once.",
            RequestSchemas.TelegramUpdate,
            [AnswerExamples.Webhook],
            ApiDescription.JsonRouteErrors),
    };

    // Anonymous to the hosts: each call signs in with Telegram's initData (MiniAppApi).
    public static readonly ApiRoute MiniAppRoute = new("POST", MiniAppApiRoute, ApiAccess.SignedInPeople, MiniAppApi.AnswerAsync)
    {
        Description = new(
            "The Mini App's calls, for the signed-in person: each answers as its JSON route does.",
            RequestSchemas.MiniApp,
            [AnswerExamples.SignedIn, AnswerExamples.Movie, AnswerExamples.Rated, AnswerExamples.Skipped, AnswerExamples.Found, AnswerExamples.MyRatings,
                AnswerExamples.Recommended, AnswerExamples.Forgotten, AnswerExamples.Texts],
            [.. ApiDescription.JsonRouteErrors, StatusCodes.Status404NotFound, StatusCodes.Status429TooManyRequests])
        {
            PathValues = new Dictionary<string, IReadOnlyCollection<string>> { ["action"] = MiniAppApi.Names },
        },
    };

    public static readonly ApiRoute MiniAppPageRoute = new("GET", MiniApp, ApiAccess.Anyone, MiniAppPage.PageAsync)
    {
        Description = ApiDescription.File("The Mini App's page.", ["text/html"], StatusCodes.Status405MethodNotAllowed),
    };

    public static readonly ApiRoute MiniAppFileRoute = new("GET", MiniAppFile, ApiAccess.Anyone, MiniAppPage.FileAsync)
    {
        Description = ApiDescription.File(
            "The Mini App's files: index.html, app.css, app.js.", ["text/html", "text/css", "text/javascript"], StatusCodes.Status404NotFound, StatusCodes.Status405MethodNotAllowed),
    };

    public static readonly ApiRoute OpenApiRoute = new("GET", OpenApi, ApiAccess.Anyone, OpenApiDocument.AnswerAsync)
    {
        Description = ApiDescription.File("This document: OpenAPI 3.1, made from the route table.", ["application/json"], StatusCodes.Status405MethodNotAllowed, StatusCodes.Status500InternalServerError),
    };

    public static IReadOnlyList<ApiRoute> All { get; } =
        [RegisterRoute, GetUnratedMovieRoute, RateMovieRoute, RateRoute, SkipMovieRoute, RecommendRoute, RecommendGroupRoute, SearchMoviesRoute, MyRatingsRoute, UnrateMovieRoute,
            ForgetRoute, HealthRoute, TelegramWebhookRoute, MiniAppRoute, MiniAppPageRoute, MiniAppFileRoute, OpenApiRoute];

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
    /// <summary>What /openapi.json says of it; a route without one is still listed, with what its method and access tell.</summary>
    public ApiDescription? Description { get; init; }

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

    /// <summary>Anyone: /health, /openapi.json, the Mini App's page, and the webhook, which checks Telegram's secret itself.</summary>
    Anyone,

    /// <summary>Anyone to the hosts; the route signs each call in with Telegram's initData (the Mini App's API).</summary>
    SignedInPeople,
}
