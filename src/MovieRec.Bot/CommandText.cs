using System.Text.RegularExpressions;

namespace MovieRec.Bot;

/// <summary>Reads "/rate", "/rate@MovieRecBot" and "/rate something" from a message's text.</summary>
public static partial class CommandText
{
    /// <summary>
    /// True when the text starts with a command. <paramref name="command"/> is lower case;
    /// <paramref name="botName"/> is the "@name" suffix without the '@', or null when there is none.
    /// </summary>
    public static bool TryRead(string? text, out string command, out string? botName)
    {
        var match = text is null ? Match.Empty : Pattern().Match(text);
        command = match.Success ? match.Groups["command"].Value.ToLowerInvariant() : "";
        botName = match.Success && match.Groups["bot"].Success ? match.Groups["bot"].Value : null;
        return match.Success;
    }

    /// <summary>What follows the command ("sci-fi" in "/recommend sci-fi"), trimmed; empty when nothing does.</summary>
    public static string ArgumentOf(string? text)
    {
        var match = text is null ? Match.Empty : Pattern().Match(text);
        return match.Success ? text![match.Length..].Trim() : "";
    }

    // Telegram commands: up to 32 of a-z 0-9 _, optionally addressed to a bot, then the end or whitespace.
    [GeneratedRegex(@"\A/(?<command>[A-Za-z0-9_]{1,32})(?:@(?<bot>[A-Za-z0-9_]{1,64}))?(?=\s|\z)", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
