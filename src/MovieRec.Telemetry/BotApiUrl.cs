using System.Text.RegularExpressions;

namespace MovieRec.Telemetry;

/// <summary>Bot API URLs carry the token in their path (/bot{token}/method); this takes it out for telemetry.</summary>
public static partial class BotApiUrl
{
    public const string Redaction = "/bot[token]";

    /// <summary>The URL with any bot token in it replaced by <see cref="Redaction"/>.</summary>
    public static string Redacted(string url) => TokenInPath().Replace(url, Redaction);

    [GeneratedRegex(@"/bot[0-9]+:[^/?#]*", RegexOptions.CultureInvariant)]
    private static partial Regex TokenInPath();
}
