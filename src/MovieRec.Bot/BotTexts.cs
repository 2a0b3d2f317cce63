using System.Globalization;
using MovieRec.Domain;

namespace MovieRec.Bot;

/// <summary>Everything the bot says. docs/api.md quotes some sentences word for word; they are marked.</summary>
public static class BotTexts
{
    // Word for word as docs/api.md gives them.
    public const string Welcome = "Welcome!";
    public const string WelcomeBack = "Welcome back!";
    public const string HowDoYouRate = "How do you rate this movie?";
    public const string RatingReceived = "Your rating is received!";
    public const string NotEnoughRatings = "You have not rated enough movies, we cannot generate recommendation for you";

    public static readonly string HowToUse =
        $"Send /rate and score a few movies from 1 to 5. After {RecommendationRules.MinimumRatings} ratings, /recommend picks three films for you.";

    public const string NothingLeftToRate = "You have rated every movie I know. Send /recommend to see what you might like.";
    public const string Apology = "Sorry, something went wrong on our side. Please try again in a minute.";
    public const string StaleButton = "This button no longer works. Send /rate for a new movie.";

    public static string Help { get; } =
        "Here is what I can do:\n" + string.Join('\n', BotCommandList.All.Select(c => $"/{c.Command} - {c.Description}"));

    /// <summary>A movie offered for rating, as its own message: the title, then its IMDb page.</summary>
    public static string Movie(string title, string url) => $"{title}\n{url}";

    /// <summary>A recommended movie, as its own message: the title, its IMDb page, then why it was picked.</summary>
    public static string Recommendation(string title, string url, string reason) => $"{title}\n{url}\n{reason}";

    public static string RatingsToGo(int remaining) =>
        remaining == 1
            ? "Rate 1 more movie to unlock /recommend."
            : string.Create(CultureInfo.InvariantCulture, $"Rate {remaining} more movies to unlock /recommend.");

    /// <summary>What the rating question becomes once answered, so the buttons are not pressed twice by mistake.</summary>
    public static string YouRated(int stars) =>
        string.Create(CultureInfo.InvariantCulture, $"{HowDoYouRate} You gave it {stars} of 5.");

    public static string Rated(int stars) => string.Create(CultureInfo.InvariantCulture, $"Rated {stars} of 5");

    /// <summary>The callback answer to "Haven't seen it".</summary>
    public const string Skipped = "Skipped: you will not see it again";

    /// <summary>What the rating question becomes after "Haven't seen it".</summary>
    public const string YouHaveNotSeenIt = HowDoYouRate + " You haven't seen it.";

    /// <summary>The callback answer to a press past the chat's rate limit; nothing was stored.</summary>
    public const string SlowDown = "Slow down a little: that was faster than anyone rates films. Nothing was saved; try again in a minute.";

    public const string ForgetQuestion =
        "This deletes your ratings, skips and everything else MovieRec holds about you, and takes you out of the recommendations of others at the next refresh. It cannot be undone.";

    public const string Forgotten = "Done: everything MovieRec held about you is deleted. Send /start whenever you want to begin again.";

    public const string NothingToForget = "MovieRec holds nothing about you.";

    public const string Removed = "Removed: as if you never rated it";

    public const string AlreadyRemoved = "That rating is already gone.";

    /// <summary>What a title search found: the films are the buttons under it.</summary>
    public static string Found(string query) => $"Films matching \u201c{query}\u201d: press one to rate it.";

    public static string NothingFound(string query) =>
        $"No film matches \u201c{query}\u201d. Check the spelling, or send /rate and I will pick films for you.";

    public static string UnknownGenre(string genre, IEnumerable<string> genres) =>
        $"\u201c{genre}\u201d is not a genre I know. Try one of: {string.Join(", ", genres)}.";

    /// <summary>A personal command sent in a group: the bot keeps no group profile, so it points to a private chat.</summary>
    public const string PersonalInPrivate =
        "Ratings and picks are personal, so I keep them in a private chat with each of you. Tap below, then Start:";

    public const string OpenPrivateChat = "Open a private chat";

    /// <summary>The callback answer to a personal button pressed in a group (at most 200 characters, as Telegram allows).</summary>
    public static string ButtonInPrivateChat(string botUsername) =>
        $"Ratings are personal, so this button works in a private chat only. Open @{botUsername} to rate.";

    public const string OpenMiniApp = "Rate films on a grid, find any title and browse your recommendations:";

    public const string OpenMiniAppButton = "Open MovieRec";

    public const string MiniAppNotSetUp = "The MovieRec app is not set up on this server yet; everything works here in the chat.";
}
