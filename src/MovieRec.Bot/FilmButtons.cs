using MovieRec.Domain;
using Telegram.Bot.Types.ReplyMarkups;

namespace MovieRec.Bot;

/// <summary>
/// The buttons that name a film rather than a score: under a recommendation, and one per film a
/// title search found. Like the rating buttons they carry everything they act on
/// (<see cref="ButtonPress"/>), so an old one still acts on the right film; a forged one can act
/// only for the person who pressed it.
/// </summary>
public static class FilmButtons
{
    /// <summary>
    /// Under a recommendation: rate it after all, or never see it again; and, when inline mode is on,
    /// share it: a button that opens "@bot {title}" in a chat the person picks, where the inline
    /// answer offers the film as a message.
    /// </summary>
    public static InlineKeyboardMarkup UnderRecommendation(Movie movie, bool share, BotTexts texts)
    {
        InlineKeyboardButton[] actions =
            [InlineKeyboardButton.WithCallbackData(texts.SeenItRate, new FilmPress(movie.Id).Data), InlineKeyboardButton.WithCallbackData(texts.NotInterested, new SkipPress(movie.Id).Data)];
        return share ? new([actions, [InlineKeyboardButton.WithSwitchInlineQuery(texts.Share, movie.Title)]]) : new([actions]);
    }

    /// <summary>One button per film found, labelled with its title (and year, as MovieLens writes it).</summary>
    public static InlineKeyboardMarkup Found(IEnumerable<(int MovieId, string Title)> films) =>
        new(films.Select(f => new[] { InlineKeyboardButton.WithCallbackData(f.Title, new FilmPress(f.MovieId).Data) }));
}
