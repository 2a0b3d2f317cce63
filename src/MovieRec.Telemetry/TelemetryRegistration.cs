using System.Globalization;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.AspNetCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MovieRec.Service;
using OpenTelemetry;
using OpenTelemetry.Instrumentation.Http;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace MovieRec.Telemetry;

public static class TelemetryRegistration
{
    /// <summary>
    /// Requests, dependencies (the Table and Blob services, the Bot API; without chat ids, query
    /// strings or the bot token), logs and the MovieRec meter to Application Insights, when APPLICATIONINSIGHTS_CONNECTION_STRING is set; nothing
    /// leaves the process otherwise (null then). Both hosts call this; the Functions worker adds its
    /// own defaults to what it returns.
    /// </summary>
    public static IOpenTelemetryBuilder? AddMovieRecTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
        {
            return null;
        }

        // The Bicep template turns local auth off: telemetry is sent with the app's managed identity
        // (AZURE_CLIENT_ID) when APPLICATIONINSIGHTS_AUTHENTICATION_STRING asks for Azure AD.
        var withIdentity = configuration["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]?.Contains("Authorization=AAD", StringComparison.OrdinalIgnoreCase) == true;
        services.Configure<HttpClientTraceInstrumentationOptions>(options => options.EnrichWithHttpRequestMessage = BotTokenScrubber.Scrub);
        return services.AddOpenTelemetry()
            // Added before the distro's exporter, so every span it exports has been scrubbed.
            .WithTracing(tracing => tracing.AddProcessor(new ChatIdScrubber()))
            .UseAzureMonitor(options =>
            {
                if (withIdentity)
                {
                    options.Credential = new DefaultAzureCredential();
                }

                FixedPercentageWhenAsked(options, configuration);
            })
            .WithMetrics(metrics => metrics.AddMeter(MovieRecMetrics.MeterName));
    }

    /// <summary>
    /// The distro's default of 5 traces a second takes precedence over a fixed percentage asked for
    /// with OpenTelemetry's own settings (OTEL_TRACES_SAMPLER=microsoft.fixed_percentage,
    /// OTEL_TRACES_SAMPLER_ARG), so that setting alone still drops traces past five a second; an
    /// operator who sets it means the percentage.
    /// </summary>
    private static void FixedPercentageWhenAsked(AzureMonitorOptions options, IConfiguration configuration)
    {
        if (!string.Equals(configuration["OTEL_TRACES_SAMPLER"], "microsoft.fixed_percentage", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        options.TracesPerSecond = null;
        if (float.TryParse(configuration["OTEL_TRACES_SAMPLER_ARG"], NumberStyles.Float, CultureInfo.InvariantCulture, out var ratio) && ratio is >= 0 and <= 1)
        {
            options.SamplingRatio = ratio;
        }
    }
}
