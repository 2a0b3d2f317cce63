using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace MovieRec.Bot;

/// <summary>The commands the bot answers, as /help lists them and as setMyCommands registers them.</summary>
public static class BotCommandList
{
    public const string Start = "start";
    public const string Rate = "rate";
    public const string Recommend = "recommend";
    public const string Help = "help";
    public const string Forget = "forget";
    public const string Ratings = "ratings";
    public const string App = "app";
    public const string MovieNight = "movienight";

    public static IReadOnlyList<BotCommand> All { get; } =
    [
        new(Rate, "rate a movie from 1 to 5"),
        new(Recommend, "three films picked for you (/recommend comedy: of one genre)"),
        new(Ratings, "your ratings: change or remove them"),
        new(App, "MovieRec on a screen: rate, browse, filter"),
        new(MovieNight, "in a group: who's in, films for all of you, a vote"),
        new(Start, "say hello and register"),
        new(Forget, "delete everything MovieRec holds about you"),
        new(Help, "this list"),
    ];

    /// <summary>
    /// The commands about the person's own profile. They are answered in a private chat only; in a
    /// group they get a link to one, whose deep-link payload is the command itself ("?start=rate").
    /// </summary>
    public static IReadOnlySet<string> Personal { get; } = new HashSet<string>(StringComparer.Ordinal) { Start, Rate, Recommend, Ratings, Forget, App };

    /// <summary>
    /// The update types the bot reads; Telegram sends no others (no edited messages, no channel posts).
    /// No poll states either: the movie night's vote is anonymous, and stopPoll answers with its final counts.
    /// </summary>
    public static IReadOnlyList<UpdateType> AllowedUpdates { get; } = [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.InlineQuery];
}
