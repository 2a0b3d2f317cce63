using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace MovieRec.Api;

/// <summary>
/// A status code and a JSON body. It is both a minimal-API <see cref="IResult"/> (standalone host)
/// and an MVC <see cref="IActionResult"/> (Functions with ASP.NET Core integration), so both hosts
/// write the same bytes.
/// </summary>
public sealed class ApiResult : IResult, IActionResult
{
    // Relaxed escaping: the answers are JSON for API clients, never inlined into HTML.
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private ApiResult(int status, object body, TimeSpan? retryAfter)
    {
        Status = status;
        Body = body;
        RetryAfter = retryAfter;
    }

    public int Status { get; }

    public object Body { get; }

    public TimeSpan? RetryAfter { get; }

    public static ApiResult Ok(object body) => new(StatusCodes.Status200OK, body, null);

    public static ApiResult Error(int status, string message, TimeSpan? retryAfter = null) =>
        new(status, new ErrorAnswer(message), retryAfter);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = Status;
        if (RetryAfter is { } wait)
        {
            response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(response.Body, Body, Body.GetType(), Json, httpContext.RequestAborted);
    }

    public Task ExecuteResultAsync(ActionContext context) => ExecuteAsync(context.HttpContext);
}
