using System.Globalization;
using Telegram.Bot.Types.ReplyMarkups;

namespace MovieRec.Bot;

/// <summary>
/// The rating keyboard: 1–5 in one row, "Haven't seen it" under them. Each button's callback data
/// names the movie (<see cref="RatePress"/>, <see cref="SkipPress"/>), so a press, even on an old
/// message, acts on the movie that message showed. Telegram allows 64 bytes; the longest id
/// (int.MaxValue) makes 18.
/// </summary>
public static class RatingButtons
{
    public const int MaxStars = 5;

    public static InlineKeyboardMarkup For(int movieId, BotTexts texts) =>
        new(
        [
            Enumerable.Range(1, MaxStars).Select(stars =>
                InlineKeyboardButton.WithCallbackData(stars.ToString(CultureInfo.InvariantCulture), new RatePress(movieId, stars).Data)).ToArray(),
            [InlineKeyboardButton.WithCallbackData(texts.HaventSeenIt, new SkipPress(movieId).Data)],
        ]);
}
