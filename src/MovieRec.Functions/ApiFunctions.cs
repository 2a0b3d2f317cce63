using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MovieRec.Api;

namespace MovieRec.Functions;

/// <summary>
/// One HTTP-triggered function per route of <see cref="ApiRoutes"/>; each only hands the request to
/// its route, with the request's <see cref="HttpEndpoint"/> (the worker makes this class per
/// invocation, from the invocation's services). The JSON routes are function-level: the Functions
/// host refuses a call without a function key before it reaches the worker; the Mini App's calls are
/// anonymous and sign the person in themselves (a test holds the levels to <see cref="ApiRoute.Access"/>).
/// </summary>
public sealed class ApiFunctions(HttpEndpoint endpoint)
{
    [Function("register")]
    public Task<IActionResult> Register(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Register)] HttpRequest request) =>
        AnswerAsync(ApiRoutes.RegisterRoute, request);

    [Function("get_unrated_movie")]
    public Task<IActionResult> GetUnratedMovie(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.GetUnratedMovie)] HttpRequest request) =>
        AnswerAsync(ApiRoutes.GetUnratedMovieRoute, request);

    [Function("rate_movie")]
    public Task<IActionResult> RateMovie(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.RateMovie)] HttpRequest request) =>
        AnswerAsync(ApiRoutes.RateMovieRoute, request);

    [Function("rate")]
    public Task<IActionResult> Rate(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Rate)] HttpRequest request) =>
        AnswerAsync(ApiRoutes.RateRoute, request);

    [Function("skip_movie")]
    public Task<IActionResult> SkipMovie(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.SkipMovie)] HttpRequest request) =>
        AnswerAsync(ApiRoutes.SkipMovieRoute, request);

    [Function("recommend")]
    public Task<IActionResult> Recommend(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Recommend)] HttpRequest request) =>
        AnswerAsync(ApiRoutes.RecommendRoute, request);

    [Function("recommend_group")]
    public Task<IActionResult> RecommendGroup(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.RecommendGroup)] HttpRequest request) =>
        AnswerAsync(ApiRoutes.RecommendGroupRoute, request);

    [Function("search_movies")]
    public Task<IActionResult> SearchMovies(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.SearchMovies)] HttpRequest request) =>
        AnswerAsync(ApiRoutes.SearchMoviesRoute, request);

    [Function("my_ratings")]
    public Task<IActionResult> MyRatings(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.MyRatings)] HttpRequest request) =>
        AnswerAsync(ApiRoutes.MyRatingsRoute, request);

    [Function("unrate_movie")]
    public Task<IActionResult> UnrateMovie(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.UnrateMovie)] HttpRequest request) =>
        AnswerAsync(ApiRoutes.UnrateMovieRoute, request);

    [Function("forget")]
    public Task<IActionResult> Forget(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Forget)] HttpRequest request) =>
        AnswerAsync(ApiRoutes.ForgetRoute, request);

    [Function("miniapp_me")]
    public Task<IActionResult> MiniAppMe(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.MiniAppMe)] HttpRequest request) =>
        AnswerAsync(ApiRoutes.MiniAppMeRoute, request);

    [Function("miniapp_offer")]
    public Task<IActionResult> MiniAppOffer(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.MiniAppOffer)] HttpRequest request) =>
        AnswerAsync(ApiRoutes.MiniAppOfferRoute, request);

    [Function("miniapp_rate")]
    public Task<IActionResult> MiniAppRate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.MiniAppRate)] HttpRequest request) =>
        AnswerAsync(ApiRoutes.MiniAppRateRoute, request);

    [Function("miniapp_skip")]
    public Task<IActionResult> MiniAppSkip(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.MiniAppSkip)] HttpRequest request) =>
        AnswerAsync(ApiRoutes.MiniAppSkipRoute, request);

    [Function("miniapp_unrate")]
    public Task<IActionResult> MiniAppUnrate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.MiniAppUnrate)] HttpRequest request) =>
        AnswerAsync(ApiRoutes.MiniAppUnrateRoute, request);

    [Function("miniapp_search")]
    public Task<IActionResult> MiniAppSearch(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.MiniAppSearch)] HttpRequest request) =>
        AnswerAsync(ApiRoutes.MiniAppSearchRoute, request);

    [Function("miniapp_ratings")]
    public Task<IActionResult> MiniAppRatings(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.MiniAppRatings)] HttpRequest request) =>
        AnswerAsync(ApiRoutes.MiniAppRatingsRoute, request);

    [Function("miniapp_recommend")]
    public Task<IActionResult> MiniAppRecommend(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.MiniAppRecommend)] HttpRequest request) =>
        AnswerAsync(ApiRoutes.MiniAppRecommendRoute, request);

    [Function("miniapp_forget")]
    public Task<IActionResult> MiniAppForget(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.MiniAppForget)] HttpRequest request) =>
        AnswerAsync(ApiRoutes.MiniAppForgetRoute, request);

    [Function("miniapp_texts")]
    public Task<IActionResult> MiniAppTexts(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.MiniAppTextsCall)] HttpRequest request) =>
        AnswerAsync(ApiRoutes.MiniAppTextsRoute, request);

    [Function("miniapp_page")]
    public Task<IActionResult> MiniAppPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.MiniApp)] HttpRequest request) =>
        AnswerAsync(ApiRoutes.MiniAppPageRoute, request);

    [Function("miniapp_file")]
    public Task<IActionResult> MiniAppFile(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.MiniAppFile)] HttpRequest request) =>
        AnswerAsync(ApiRoutes.MiniAppFileRoute, request);

    [Function("health")]
    public Task<IActionResult> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Health)] HttpRequest request) =>
        AnswerAsync(ApiRoutes.HealthRoute, request);

    [Function("openapi")]
    public Task<IActionResult> OpenApi(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.OpenApi)] HttpRequest request) =>
        AnswerAsync(ApiRoutes.OpenApiRoute, request);

    [Function("telegram_webhook")]
    public Task<IActionResult> TelegramWebhook(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.TelegramWebhook)] HttpRequest request) =>
        AnswerAsync(ApiRoutes.TelegramWebhookRoute, request);

    // The Functions ASP.NET Core integration executes IActionResults; the routes answer with minimal-API IResults.
    private async Task<IActionResult> AnswerAsync(ApiRoute route, HttpRequest request) =>
        new ResultAction(await route.AnswerAsync(endpoint, request.HttpContext));

    private sealed class ResultAction(IResult result) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context)
        {
            AnswerHeaders.Apply(context.HttpContext.Response);
            return result.ExecuteAsync(context.HttpContext);
        }
    }
}
