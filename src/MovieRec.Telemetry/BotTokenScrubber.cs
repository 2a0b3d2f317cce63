using System.Diagnostics;

namespace MovieRec.Telemetry;

/// <summary>
/// Each outgoing HTTP call is recorded with its URL; Bot API URLs carry the token in their path,
/// so the recorded URL is the one with the token taken out (<see cref="BotApiUrl"/>). It starts
/// from the URL the instrumentation recorded, whose query values are redacted already, and never
/// brings back the raw one.
/// </summary>
public static class BotTokenScrubber
{
    public static void Scrub(Activity activity, HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(request);
        if ((activity.GetTagItem("url.full") as string ?? request.RequestUri?.GetLeftPart(UriPartial.Path)) is { } url)
        {
            activity.SetTag("url.full", BotApiUrl.Redacted(url));
        }
    }
}
