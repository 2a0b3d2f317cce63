using Microsoft.AspNetCore.Http;

namespace MovieRec.Api;

/// <summary>
/// What a route says about itself in /openapi.json (<see cref="OpenApiDocument"/>): a summary, its
/// request body's schema, an example of each answer it gives (the examples' types are the answers'
/// schemas), and the error statuses it can answer with {"error": …}.
/// </summary>
public sealed record ApiDescription(string Summary, RequestSchema? Request, IReadOnlyList<object> Answers, IReadOnlyList<int> Errors)
{
    /// <summary>What every JSON route can answer besides its own refusals: bad bodies, no key, a wrong method, outages and bugs.</summary>
    public static readonly IReadOnlyList<int> JsonRouteErrors =
    [
        StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status405MethodNotAllowed, StatusCodes.Status413PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status500InternalServerError, StatusCodes.Status503ServiceUnavailable,
    ];

    /// <summary>Media types of a 200 that is not one of our JSON answers: the Mini App's files, the OpenAPI document itself.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>A key holder's JSON route: <see cref="JsonRouteErrors"/> and <paramref name="moreErrors"/>.</summary>
    public static ApiDescription Json(string summary, RequestSchema request, object answer, params int[] moreErrors) =>
        new(summary, request, [answer], [.. JsonRouteErrors.Concat(moreErrors).Order()]);

    /// <summary>A route that answers a file of one of <paramref name="mediaTypes"/>.</summary>
    public static ApiDescription File(string summary, IReadOnlyList<string> mediaTypes, params int[] errors) =>
        new(summary, null, [], errors) { Files = mediaTypes };
}
