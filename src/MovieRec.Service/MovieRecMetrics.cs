using System.Diagnostics.Metrics;

namespace MovieRec.Service;

/// <summary>
/// The app's own measurements, on the "MovieRec" meter: how long store calls and recommendations
/// take, and how many Telegram updates were handled. Both hosts, the Functions worker included,
/// export the meter to Application Insights (MovieRec.Telemetry) when
/// APPLICATIONINSIGHTS_CONNECTION_STRING is set; nothing here knows where it goes.
/// </summary>
public sealed class MovieRecMetrics
{
    public const string MeterName = "MovieRec";

    public MovieRecMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        StoreDuration = meter.CreateHistogram<double>("movierec.store.duration", "ms", "One ratings store call, retries included, by operation and outcome.");
        RecommendationDuration = meter.CreateHistogram<double>("movierec.recommendation.duration", "ms", "One recommendation list, reasons included.");
        BotUpdates = meter.CreateCounter<long>("movierec.bot.updates", "{update}", "Telegram updates received, by outcome (handled, duplicate).");
    }

    public Histogram<double> StoreDuration { get; }

    public Histogram<double> RecommendationDuration { get; }

    public Counter<long> BotUpdates { get; }
}
