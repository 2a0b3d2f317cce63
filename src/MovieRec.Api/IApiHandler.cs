using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace MovieRec.Api;

/// <summary>Answers one route: takes the request's JSON body (null for a GET), returns the answer.</summary>
public interface IApiHandler
{
    Task<ApiResult> HandleAsync(JsonElement? body, CancellationToken cancellationToken);
}

/// <summary>Answers a route that needs more than the JSON body (headers, its own size limit): the Telegram webhook.</summary>
public interface IRequestHandler
{
    Task<ApiResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken);
}
