using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MovieRec.Api;

namespace MovieRec.Functions;

/// <summary>One HTTP-triggered function per route of <see cref="ApiRoutes"/>; each only hands the request to the shared endpoint.</summary>
public static class ApiFunctions
{
    [Function("register")]
    public static async Task<IActionResult> Register(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Register)] HttpRequest request) =>
        await HttpEndpoint.HandleAsync<RegisterHandler>(request.HttpContext);

    [Function("get_unrated_movie")]
    public static async Task<IActionResult> GetUnratedMovie(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.GetUnratedMovie)] HttpRequest request) =>
        await HttpEndpoint.HandleAsync<GetUnratedMovieHandler>(request.HttpContext);

    [Function("rate_movie")]
    public static async Task<IActionResult> RateMovie(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.RateMovie)] HttpRequest request) =>
        await HttpEndpoint.HandleAsync<RateMovieHandler>(request.HttpContext);

    [Function("rate")]
    public static async Task<IActionResult> Rate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Rate)] HttpRequest request) =>
        await HttpEndpoint.HandleAsync<RateMovieHandler>(request.HttpContext);

    [Function("recommend")]
    public static async Task<IActionResult> Recommend(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Recommend)] HttpRequest request) =>
        await HttpEndpoint.HandleAsync<RecommendHandler>(request.HttpContext);

    [Function("health")]
    public static async Task<IActionResult> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Health)] HttpRequest request) =>
        await HttpEndpoint.HandleAsync<HealthHandler>(request.HttpContext);

    [Function("telegram_webhook")]
    public static async Task<IActionResult> TelegramWebhook(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.TelegramWebhook)] HttpRequest request) =>
        await HttpEndpoint.HandleAsync<TelegramWebhookHandler>(request.HttpContext);
}
