using Azure.Monitor.OpenTelemetry.AspNetCore;
using MovieRec.Bot;
using MovieRec.Service;
using OpenTelemetry.Instrumentation.Http;
using OpenTelemetry.Metrics;

namespace MovieRec.Host;

internal static class Telemetry
{
    /// <summary>
    /// Requests, dependencies (the Table service, the Bot API), logs and the MovieRec meter to
    /// Application Insights, when APPLICATIONINSIGHTS_CONNECTION_STRING is set; nothing leaves the
    /// process otherwise. Bot API calls are recorded with the token taken out of their URL.
    /// </summary>
    public static IServiceCollection AddMovieRecTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
        {
            return services;
        }

        services.AddOpenTelemetry()
            .UseAzureMonitor()
            .WithMetrics(metrics => metrics.AddMeter(MovieRecMetrics.MeterName));
        services.Configure<HttpClientTraceInstrumentationOptions>(options =>
            options.EnrichWithHttpRequestMessage = (activity, request) =>
            {
                if (request.RequestUri is { } uri)
                {
                    activity.SetTag("url.full", BotApiUrl.Redacted(uri.ToString()));
                }
            });
        return services;
    }
}
