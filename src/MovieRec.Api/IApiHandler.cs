using System.Text.Json;

namespace MovieRec.Api;

/// <summary>Answers one route: takes the request's JSON body (null for a GET), returns the answer.</summary>
public interface IApiHandler
{
    Task<ApiResult> HandleAsync(JsonElement? body, CancellationToken cancellationToken);
}
