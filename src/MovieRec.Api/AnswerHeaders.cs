using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MovieRec.Api;

/// <summary>
/// Headers on every answer the app makes: <c>X-Content-Type-Options: nosniff</c>, so a browser takes
/// a JSON error or a Mini App file as the type it is labelled and never sniffs it into HTML or script.
/// The standalone host sets them in its pipeline, before anything answers; the Functions worker
/// on each function's answer (answers the Functions host makes itself are Azure's).
/// </summary>
public static class AnswerHeaders
{
    public static void Apply(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.XContentTypeOptions = "nosniff";
    }

    public static IApplicationBuilder UseMovieRecAnswerHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            Apply(context.Response);
            return next(context);
        });
}
