using System.Text;
using MovieRec.Service;
using Telegram.Bot.Types.ReplyMarkups;

namespace MovieRec.Bot;

/// <summary>/ratings: one message with a page of the person's ratings, newest first, and buttons to change or remove each and to page.</summary>
public static class RatingsMessage
{
    public const int PageSize = 10;

    public static string Text(RatingsPage page, int offset, BotTexts texts)
    {
        if (page.Total == 0)
        {
            return texts.NoRatings;
        }

        var text = new StringBuilder(texts.RatingsHeading(offset + 1, offset + page.Ratings.Count, page.Total));
        foreach (var rating in page.Ratings)
        {
            text.Append('\n').Append(texts.RatingLine(rating.Movie.Title, rating.Stars));
        }

        return text.ToString();
    }

    public static InlineKeyboardMarkup? Buttons(RatingsPage page, int offset, BotTexts texts)
    {
        var rows = page.Ratings
            .Select(r => new[]
            {
                InlineKeyboardButton.WithCallbackData(r.Movie.Title, new FilmPress(r.Movie.Id).Data),
                InlineKeyboardButton.WithCallbackData(texts.Remove, new UnratePress(r.Movie.Id).Data),
            })
            .ToList();
        var paging = new List<InlineKeyboardButton>();
        if (offset > 0)
        {
            paging.Add(InlineKeyboardButton.WithCallbackData(texts.Newer, new RatingsPagePress(Math.Max(0, offset - PageSize)).Data));
        }

        if (offset + page.Ratings.Count < page.Total)
        {
            paging.Add(InlineKeyboardButton.WithCallbackData(texts.Older, new RatingsPagePress(offset + PageSize).Data));
        }

        if (paging.Count > 0)
        {
            rows.Add([.. paging]);
        }

        return rows.Count == 0 ? null : new InlineKeyboardMarkup(rows);
    }
}
