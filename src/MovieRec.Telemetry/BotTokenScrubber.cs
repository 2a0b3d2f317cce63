using System.Diagnostics;
using MovieRec.Bot;

namespace MovieRec.Telemetry;

/// <summary>
/// Each outgoing HTTP call is recorded with its URL; Bot API URLs carry the token in their path,
/// so the recorded URL is the one with the token taken out (<see cref="BotApiUrl"/>).
/// </summary>
public static class BotTokenScrubber
{
    public static void Scrub(Activity activity, HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestUri is { } uri)
        {
            activity.SetTag("url.full", BotApiUrl.Redacted(uri.ToString()));
        }
    }
}
