using System.Globalization;
using System.Text;
using MovieRec.Service;
using Telegram.Bot.Types.ReplyMarkups;

namespace MovieRec.Bot;

/// <summary>/ratings: one message with a page of the person's ratings, newest first, and buttons to change or remove each and to page.</summary>
public static class RatingsMessage
{
    public const int PageSize = 10;

    public const string NoRatings = "You have not rated any film yet. Send /rate, or type a title to find it.";

    public static string Text(RatingsPage page, int offset)
    {
        if (page.Total == 0)
        {
            return NoRatings;
        }

        var text = new StringBuilder(string.Create(
            CultureInfo.InvariantCulture, $"Your ratings, newest first ({offset + 1}–{offset + page.Ratings.Count} of {page.Total}):"));
        foreach (var rating in page.Ratings)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{rating.Movie.Title}: {rating.Stars:0.#} of 5");
        }

        return text.ToString();
    }

    public static InlineKeyboardMarkup? Buttons(RatingsPage page, int offset)
    {
        var rows = page.Ratings
            .Select(r => new[]
            {
                InlineKeyboardButton.WithCallbackData(r.Movie.Title, new FilmPress(r.Movie.Id).Data),
                InlineKeyboardButton.WithCallbackData(FilmButtons.Remove, new UnratePress(r.Movie.Id).Data),
            })
            .ToList();
        var paging = new List<InlineKeyboardButton>();
        if (offset > 0)
        {
            paging.Add(InlineKeyboardButton.WithCallbackData(FilmButtons.Newer, new RatingsPagePress(Math.Max(0, offset - PageSize)).Data));
        }

        if (offset + page.Ratings.Count < page.Total)
        {
            paging.Add(InlineKeyboardButton.WithCallbackData(FilmButtons.Older, new RatingsPagePress(offset + PageSize).Data));
        }

        if (paging.Count > 0)
        {
            rows.Add([.. paging]);
        }

        return rows.Count == 0 ? null : new InlineKeyboardMarkup(rows);
    }
}
