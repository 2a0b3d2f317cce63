using System.Globalization;
using System.Text.RegularExpressions;
using Telegram.Bot.Types.ReplyMarkups;

namespace MovieRec.Bot;

/// <summary>
/// The rating keyboard: 1–5 in one row, "Haven't seen it" under them. Each button's callback data
/// names the movie: "rate:{movieId}:{stars}" or "skip:{movieId}", so a press, even on an old
/// message, acts on the movie that message showed. Telegram allows 64 bytes; the longest id
/// (int.MaxValue) makes 18.
/// </summary>
public static partial class RatingButtons
{
    public const int MaxStars = 5;

    public const string HaventSeenIt = "Haven't seen it";

    public static InlineKeyboardMarkup For(int movieId) =>
        new(
        [
            Enumerable.Range(1, MaxStars).Select(stars =>
                InlineKeyboardButton.WithCallbackData(stars.ToString(CultureInfo.InvariantCulture), Data(movieId, stars))).ToArray(),
            [InlineKeyboardButton.WithCallbackData(HaventSeenIt, SkipData(movieId))],
        ]);

    public static string Data(int movieId, int stars) =>
        string.Create(CultureInfo.InvariantCulture, $"rate:{movieId}:{stars}");

    public static string SkipData(int movieId) =>
        string.Create(CultureInfo.InvariantCulture, $"skip:{movieId}");

    /// <summary>Reads a rating button's data; false for anything else.</summary>
    public static bool TryRead(string? data, out int movieId, out int stars)
    {
        movieId = 0;
        stars = 0;
        var match = data is null ? Match.Empty : RatePattern().Match(data);
        return match.Success
            && int.TryParse(match.Groups["movie"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out movieId)
            && movieId > 0
            && int.TryParse(match.Groups["stars"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out stars);
    }

    /// <summary>Reads a "Haven't seen it" button's data; false for anything else.</summary>
    public static bool TryReadSkip(string? data, out int movieId)
    {
        movieId = 0;
        var match = data is null ? Match.Empty : SkipPattern().Match(data);
        return match.Success
            && int.TryParse(match.Groups["movie"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out movieId)
            && movieId > 0;
    }

    [GeneratedRegex(@"\Arate:(?<movie>[0-9]{1,10}):(?<stars>[1-5])\z", RegexOptions.CultureInvariant)]
    private static partial Regex RatePattern();

    [GeneratedRegex(@"\Askip:(?<movie>[0-9]{1,10})\z", RegexOptions.CultureInvariant)]
    private static partial Regex SkipPattern();
}
