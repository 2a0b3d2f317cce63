using Microsoft.ApplicationInsights.Channel;
using Microsoft.ApplicationInsights.DataContracts;
using Microsoft.ApplicationInsights.Extensibility;
using MovieRec.Bot;

namespace MovieRec.Functions;

/// <summary>Application Insights records each outgoing HTTP call with its URL; Bot API URLs carry the token, so it is taken out.</summary>
internal sealed class BotTokenScrubber : ITelemetryInitializer
{
    public void Initialize(ITelemetry telemetry)
    {
        if (telemetry is DependencyTelemetry dependency)
        {
            dependency.Name = dependency.Name is null ? null : BotApiUrl.Redacted(dependency.Name);
            dependency.Data = dependency.Data is null ? null : BotApiUrl.Redacted(dependency.Data);
        }
    }
}
