using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using MovieRec.Domain;

namespace MovieRec.Api;

/// <summary>
/// Every route MovieRec serves, declared once, each with who may call it, its typed request and
/// handler: the JSON routes, the Mini App's calls, the page, the webhook and this document. The
/// standalone host maps <see cref="All"/>; each Azure Function names its route with these constants
/// (attributes need constants) and answers with the route's own entry, and a test checks the
/// Worker SDK's functions.metadata against <see cref="All"/>. Both answer through the request's
/// <see cref="HttpEndpoint"/>.
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
    public const string MiniAppMe = MiniAppApi.PathPrefix + "me";
    public const string MiniAppOffer = MiniAppApi.PathPrefix + "offer";
    public const string MiniAppRate = MiniAppApi.PathPrefix + "rate";
    public const string MiniAppSkip = MiniAppApi.PathPrefix + "skip";
    public const string MiniAppUnrate = MiniAppApi.PathPrefix + "unrate";
    public const string MiniAppSearch = MiniAppApi.PathPrefix + "search";
    public const string MiniAppRatings = MiniAppApi.PathPrefix + "ratings";
    public const string MiniAppRecommend = MiniAppApi.PathPrefix + "recommend";
    public const string MiniAppForget = MiniAppApi.PathPrefix + "forget";
    public const string MiniAppTextsCall = MiniAppApi.PathPrefix + "texts";
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
        handlers.RecommendAsync(request, PersonLanguage.English, cancellationToken)) with
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

    public static readonly ApiRoute HealthRoute = new("GET", Health, ApiAccess.Anyone, (endpoint, context) => endpoint.HealthAsync(context))
    {
        Description = new("The model in use: counts, version, build and load times; nothing secret.", null, [AnswerExamples.Health],
            [StatusCodes.Status405MethodNotAllowed, StatusCodes.Status500InternalServerError]),
    };

    // Anonymous to the hosts: the webhook checks Telegram's secret itself.
    public static readonly ApiRoute TelegramWebhookRoute = new("POST", TelegramWebhook, ApiAccess.Anyone, (endpoint, context) => endpoint.TelegramWebhookAsync(context))
    {
        Description = new(
            "Telegram's updates, checked by the X-Telegram-Bot-Api-Secret-Token header; each acted on once.",
            RequestSchemas.TelegramUpdate,
            [AnswerExamples.Webhook],
            ApiDescription.JsonRouteErrors),
    };

    // The Mini App's calls: anonymous to the hosts, each signs the person in with Telegram's initData (MiniAppApi).
    public static readonly ApiRoute MiniAppMeRoute = SignedIn(MiniAppMe, writes: false, ChatRequest.For, (handlers, request, _, cancellationToken) =>
        handlers.SignedInAsync(request, cancellationToken)) with
    {
        Description = MiniAppCall(
            "Signs the person in (registering them): how many films they rated, and the genres to filter by.", RequestSchemas.SignedIn, AnswerExamples.SignedIn),
    };

    public static readonly ApiRoute MiniAppOfferRoute = SignedIn(MiniAppOffer, writes: false, ChatRequest.For, (handlers, request, _, cancellationToken) =>
        handlers.GetUnratedMovieAsync(request, shownTogether: true, cancellationToken)) with
    {
        Description = MiniAppCall("/get_unrated_movie for the signed-in person.", RequestSchemas.SignedIn, AnswerExamples.Movie, StatusCodes.Status404NotFound),
    };

    public static readonly ApiRoute MiniAppRateRoute = SignedIn(MiniAppRate, writes: true, RateRequest.For, (handlers, request, _, cancellationToken) =>
        handlers.RateMovieAsync(request, cancellationToken)) with
    {
        Description = MiniAppCall("/rate_movie for the signed-in person.", RequestSchemas.MiniAppRate, AnswerExamples.Rated, StatusCodes.Status404NotFound),
    };

    public static readonly ApiRoute MiniAppSkipRoute = SignedIn(MiniAppSkip, writes: true, SkipRequest.For, (handlers, request, _, cancellationToken) =>
        handlers.SkipMovieAsync(request, cancellationToken)) with
    {
        Description = MiniAppCall("/skip_movie for the signed-in person.", RequestSchemas.MiniAppMovie, AnswerExamples.Skipped, StatusCodes.Status404NotFound),
    };

    public static readonly ApiRoute MiniAppUnrateRoute = SignedIn(MiniAppUnrate, writes: true, UnrateRequest.For, (handlers, request, _, cancellationToken) =>
        handlers.UnrateMovieAsync(request, cancellationToken)) with
    {
        Description = MiniAppCall("/unrate_movie for the signed-in person.", RequestSchemas.MiniAppMovie, AnswerExamples.Unrated, StatusCodes.Status404NotFound),
    };

    public static readonly ApiRoute MiniAppSearchRoute = SignedIn(MiniAppSearch, writes: false, SearchRequest.For, (handlers, request, _, cancellationToken) =>
        handlers.SearchMoviesAsync(request, cancellationToken)) with
    {
        Description = MiniAppCall("/search_movies with the signed-in person's rating or skip of each.", RequestSchemas.MiniAppSearch, AnswerExamples.Found),
    };

    public static readonly ApiRoute MiniAppRatingsRoute = SignedIn(MiniAppRatings, writes: false, MyRatingsRequest.For, (handlers, request, _, cancellationToken) =>
        handlers.MyRatingsAsync(request, cancellationToken)) with
    {
        Description = MiniAppCall("/my_ratings for the signed-in person.", RequestSchemas.MiniAppRatings, AnswerExamples.MyRatings, StatusCodes.Status404NotFound),
    };

    public static readonly ApiRoute MiniAppRecommendRoute = SignedIn(MiniAppRecommend, writes: false, RecommendRequest.For, (handlers, request, language, cancellationToken) =>
        handlers.RecommendAsync(request, language, cancellationToken)) with
    {
        Description = MiniAppCall("/recommend for the signed-in person.", RequestSchemas.MiniAppRecommend, AnswerExamples.Recommended),
    };

    public static readonly ApiRoute MiniAppForgetRoute = SignedIn(MiniAppForget, writes: true, ChatRequest.For, (handlers, request, _, cancellationToken) =>
        handlers.ForgetAsync(request, cancellationToken)) with
    {
        Description = MiniAppCall("/forget for the signed-in person.", RequestSchemas.SignedIn, AnswerExamples.Forgotten, StatusCodes.Status404NotFound),
    };

    public static readonly ApiRoute MiniAppTextsRoute = SignedIn(MiniAppTextsCall, writes: false, ChatRequest.For, (handlers, _, language, _) =>
        Task.FromResult(handlers.MiniAppTextsFor(language))) with
    {
        Description = MiniAppCall("The Mini App's words in the signed-in person's language, and a label for each genre name.", RequestSchemas.SignedIn, AnswerExamples.Texts),
    };

    public static readonly ApiRoute MiniAppPageRoute = new("GET", MiniApp, ApiAccess.Anyone, (_, context) => MiniAppPage.PageAsync(context))
    {
        Description = ApiDescription.File("The Mini App's page.", ["text/html"], StatusCodes.Status405MethodNotAllowed),
    };

    public static readonly ApiRoute MiniAppFileRoute = new("GET", MiniAppFile, ApiAccess.Anyone, (_, context) => MiniAppPage.FileAsync(context))
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
            ForgetRoute, HealthRoute, TelegramWebhookRoute, MiniAppMeRoute, MiniAppOfferRoute, MiniAppRateRoute, MiniAppSkipRoute, MiniAppUnrateRoute, MiniAppSearchRoute,
            MiniAppRatingsRoute, MiniAppRecommendRoute, MiniAppForgetRoute, MiniAppTextsRoute, MiniAppPageRoute, MiniAppFileRoute, OpenApiRoute];

    /// <summary>
    /// A JSON route: its body read by <paramref name="read"/>, answered by the <see cref="Handlers"/>.
    /// A request with more than one key value is 401 here, in both hosts (<see cref="ApiCaller"/>).
    /// </summary>
    private static ApiRoute Post<TRequest, TResult>(
        string path, Func<JsonElement?, Parsed<TRequest>> read, Func<Handlers, TRequest, HttpContext, CancellationToken, Task<TResult>> handle)
        where TResult : IResult =>
        new("POST", path, (endpoint, context) => ApiCaller.KeyValues(context.Request) > 1
            ? Task.FromResult<IResult>(ApiErrors.Of(StatusCodes.Status401Unauthorized, RouteMapping.KeyRequired))
            : endpoint.HandleAsync(context, read, async (handlers, request, cancellationToken) => await handle(handlers, request, context, cancellationToken)));

    /// <summary>
    /// One of the Mini App's calls: the person signed in first, then the body <paramref name="read"/>
    /// for them; <paramref name="writes"/> spends their rate limit, as a bot press does.
    /// </summary>
    private static ApiRoute SignedIn<TRequest, TResult>(
        string path, bool writes, Func<string, JsonElement?, Parsed<TRequest>> read, Func<Handlers, TRequest, CultureInfo, CancellationToken, Task<TResult>> handle)
        where TResult : IResult =>
        new("POST", path, ApiAccess.SignedInPeople, (endpoint, context) =>
            endpoint.HandleSignedInAsync(context, writes, read, async (handlers, request, language, cancellationToken) => await handle(handlers, request, language, cancellationToken)));

    /// <summary>A Mini App call's description: what its JSON route can answer, and 429 for the sign-in limits.</summary>
    private static ApiDescription MiniAppCall(string summary, RequestSchema request, object answer, params int[] moreErrors) =>
        ApiDescription.Json(summary, request, answer, [StatusCodes.Status429TooManyRequests, .. moreErrors]);
}

/// <summary>One route: its method, its path (no leading slash, no prefix), who may call it, and how it answers.</summary>
public sealed record ApiRoute(string Method, string Path, ApiAccess Access, Func<HttpEndpoint, HttpContext, Task<IResult>> AnswerAsync)
{
    /// <summary>What /openapi.json says of it; a route without one is still listed, with what its method and access tell.</summary>
    public ApiDescription? Description { get; init; }

    /// <summary>A JSON route: key holders only (function-level in Azure, API_KEYS or loopback on the standalone host).</summary>
    public ApiRoute(string method, string path, Func<HttpEndpoint, HttpContext, Task<IResult>> answerAsync)
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
