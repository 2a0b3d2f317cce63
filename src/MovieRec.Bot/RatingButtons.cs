using System.Globalization;
using System.Text.RegularExpressions;
using Telegram.Bot.Types.ReplyMarkups;

namespace MovieRec.Bot;

/// <summary>
/// The 1–5 inline keyboard. Each button's callback data is "rate:{movieId}:{stars}", so a press,
/// even on an old message, rates the movie that message showed. Telegram allows 64 bytes; the
/// longest id (int.MaxValue) makes 18.
/// </summary>
public static partial class RatingButtons
{
    public const int MaxStars = 5;

    public static InlineKeyboardMarkup For(int movieId) =>
        new(Enumerable.Range(1, MaxStars).Select(stars =>
            InlineKeyboardButton.WithCallbackData(stars.ToString(CultureInfo.InvariantCulture), Data(movieId, stars))));

    public static string Data(int movieId, int stars) =>
        string.Create(CultureInfo.InvariantCulture, $"rate:{movieId}:{stars}");

    /// <summary>Reads a button's data; false for anything this bot did not write.</summary>
    public static bool TryRead(string? data, out int movieId, out int stars)
    {
        movieId = 0;
        stars = 0;
        var match = data is null ? Match.Empty : Pattern().Match(data);
        return match.Success
            && int.TryParse(match.Groups["movie"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out movieId)
            && movieId > 0
            && int.TryParse(match.Groups["stars"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out stars);
    }

    [GeneratedRegex(@"\Arate:(?<movie>[0-9]{1,10}):(?<stars>[1-5])\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
