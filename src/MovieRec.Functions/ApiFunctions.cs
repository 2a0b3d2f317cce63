using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MovieRec.Api;

namespace MovieRec.Functions;

/// <summary>
/// One HTTP-triggered function per route of <see cref="ApiRoutes"/>; each only hands the request to
/// its route. The JSON routes are function-level: the Functions host refuses a call without a
/// function key before it reaches the worker (a test holds the levels to <see cref="ApiRoute.Access"/>).
/// </summary>
public static class ApiFunctions
{
    [Function("register")]
    public static Task<IActionResult> Register(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Register)] HttpRequest request) =>
        AnswerAsync(ApiRoutes.RegisterRoute, request);

    [Function("get_unrated_movie")]
    public static Task<IActionResult> GetUnratedMovie(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.GetUnratedMovie)] HttpRequest request) =>
        AnswerAsync(ApiRoutes.GetUnratedMovieRoute, request);

    [Function("rate_movie")]
    public static Task<IActionResult> RateMovie(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.RateMovie)] HttpRequest request) =>
        AnswerAsync(ApiRoutes.RateMovieRoute, request);

    [Function("rate")]
    public static Task<IActionResult> Rate(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Rate)] HttpRequest request) =>
        AnswerAsync(ApiRoutes.RateRoute, request);

    [Function("skip_movie")]
    public static Task<IActionResult> SkipMovie(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.SkipMovie)] HttpRequest request) =>
        AnswerAsync(ApiRoutes.SkipMovieRoute, request);

    [Function("recommend")]
    public static Task<IActionResult> Recommend(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Recommend)] HttpRequest request) =>
        AnswerAsync(ApiRoutes.RecommendRoute, request);

    [Function("recommend_group")]
    public static Task<IActionResult> RecommendGroup(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.RecommendGroup)] HttpRequest request) =>
        AnswerAsync(ApiRoutes.RecommendGroupRoute, request);

    [Function("search_movies")]
    public static Task<IActionResult> SearchMovies(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.SearchMovies)] HttpRequest request) =>
        AnswerAsync(ApiRoutes.SearchMoviesRoute, request);

    [Function("my_ratings")]
    public static Task<IActionResult> MyRatings(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.MyRatings)] HttpRequest request) =>
        AnswerAsync(ApiRoutes.MyRatingsRoute, request);

    [Function("unrate_movie")]
    public static Task<IActionResult> UnrateMovie(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.UnrateMovie)] HttpRequest request) =>
        AnswerAsync(ApiRoutes.UnrateMovieRoute, request);

    [Function("forget")]
    public static Task<IActionResult> Forget(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Forget)] HttpRequest request) =>
        AnswerAsync(ApiRoutes.ForgetRoute, request);

    [Function("miniapp_api")]
    public static Task<IActionResult> MiniAppApi(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.MiniAppApiRoute)] HttpRequest request) =>
        AnswerAsync(ApiRoutes.MiniAppRoute, request);

    [Function("miniapp_page")]
    public static Task<IActionResult> MiniAppPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.MiniApp)] HttpRequest request) =>
        AnswerAsync(ApiRoutes.MiniAppPageRoute, request);

    [Function("miniapp_file")]
    public static Task<IActionResult> MiniAppFile(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.MiniAppFile)] HttpRequest request) =>
        AnswerAsync(ApiRoutes.MiniAppFileRoute, request);

    [Function("health")]
    public static Task<IActionResult> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Health)] HttpRequest request) =>
        AnswerAsync(ApiRoutes.HealthRoute, request);

    [Function("openapi")]
    public static Task<IActionResult> OpenApi(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.OpenApi)] HttpRequest request) =>
        AnswerAsync(ApiRoutes.OpenApiRoute, request);

    [Function("telegram_webhook")]
    public static Task<IActionResult> TelegramWebhook(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.TelegramWebhook)] HttpRequest request) =>
        AnswerAsync(ApiRoutes.TelegramWebhookRoute, request);

    // The Functions ASP.NET Core integration executes IActionResults; the routes answer with minimal-API IResults.
    private static async Task<IActionResult> AnswerAsync(ApiRoute route, HttpRequest request) =>
        new ResultAction(await route.AnswerAsync(request.HttpContext));

    private sealed class ResultAction(IResult result) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context)
        {
            AnswerHeaders.Apply(context.HttpContext.Response);
            return result.ExecuteAsync(context.HttpContext);
        }
    }
}
