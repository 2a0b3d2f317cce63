using System.Globalization;
using System.Text.RegularExpressions;
using Telegram.Bot.Types.ReplyMarkups;

namespace MovieRec.Bot;

/// <summary>
/// The buttons that name a film or a page rather than a score: "movie:{id}" (show the film and its
/// rating keyboard), "unrate:{id}" (take back a rating), "ratings:{offset}" (a page of /ratings).
/// Like the rating buttons they carry everything they act on, so an old or forwarded one still
/// acts on the right film; a forged one can name only the presser's own chat.
/// </summary>
public static partial class FilmButtons
{
    public const string SeenItRate = "Seen it: rate";
    public const string NotInterested = "Not interested";
    public const string Remove = "Remove";
    public const string Older = "Older";
    public const string Newer = "Newer";

    public static string Show(int movieId) => string.Create(CultureInfo.InvariantCulture, $"movie:{movieId}");

    public static string Unrate(int movieId) => string.Create(CultureInfo.InvariantCulture, $"unrate:{movieId}");

    public static string Page(int offset) => string.Create(CultureInfo.InvariantCulture, $"ratings:{offset}");

    /// <summary>Under a recommendation: rate it after all, or never see it again.</summary>
    public static InlineKeyboardMarkup UnderRecommendation(int movieId) =>
        new([[InlineKeyboardButton.WithCallbackData(SeenItRate, Show(movieId)), InlineKeyboardButton.WithCallbackData(NotInterested, RatingButtons.SkipData(movieId))]]);

    /// <summary>One button per film found, labelled with its title (and year, as MovieLens writes it).</summary>
    public static InlineKeyboardMarkup Found(IEnumerable<(int MovieId, string Title)> films) =>
        new(films.Select(f => new[] { InlineKeyboardButton.WithCallbackData(f.Title, Show(f.MovieId)) }));

    /// <summary>Reads "movie:{id}", "unrate:{id}" or "ratings:{offset}"; false for anything else.</summary>
    public static bool TryRead(string? data, out string kind, out int number)
    {
        var match = data is null ? Match.Empty : Pattern().Match(data);
        kind = match.Success ? match.Groups["kind"].Value : "";
        number = 0;
        return match.Success
            && int.TryParse(match.Groups["n"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out number)
            && (kind == "ratings" || number > 0);
    }

    [GeneratedRegex(@"\A(?<kind>movie|unrate|ratings):(?<n>[0-9]{1,10})\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
