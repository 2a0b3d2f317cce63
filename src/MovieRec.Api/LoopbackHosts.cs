using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MovieRec.Api;

/// <summary>
/// A standalone host without API_KEYS answers only requests addressed to localhost, 127.0.0.1 or
/// [::1] (any port). Otherwise a web page the person opens could point its own name at 127.0.0.1
/// (DNS rebinding) and have the browser call the JSON routes as a local caller. Answered 400 with
/// the contract's JSON error.
/// </summary>
public static class LoopbackHosts
{
    public const string Refusal = "Without API_KEYS this host answers only requests addressed to localhost, 127.0.0.1 or [::1].";

    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase) { "localhost", "127.0.0.1", "[::1]" };

    public static IApplicationBuilder UseLoopbackHostsWithoutApiKeys(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.ApplicationServices.GetRequiredService<IOptions<ApiKeyOptions>>().Value.All.Count > 0)
        {
            return app;
        }

        return app.Use(async (context, next) =>
        {
            if (Names.Contains(context.Request.Host.Host))
            {
                await next(context);
                return;
            }

            await ApiErrors.Of(StatusCodes.Status400BadRequest, Refusal).ExecuteAsync(context);
        });
    }
}
