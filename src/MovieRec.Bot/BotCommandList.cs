using Telegram.Bot;
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

    /// <summary>The commands in the order /help and Telegram's menu show them.</summary>
    public static IReadOnlyList<string> InMenuOrder { get; } = [Rate, Recommend, Ratings, App, MovieNight, Start, Forget, Help];

    /// <summary>The commands with their English descriptions: Telegram's default list.</summary>
    public static IReadOnlyList<BotCommand> All { get; } = In(BotTexts.English);

    /// <summary>The commands with their descriptions in one language.</summary>
    public static IReadOnlyList<BotCommand> In(BotTexts texts) => [.. InMenuOrder.Select(command => new BotCommand(command, texts.CommandDescription(command)))];

    /// <summary>
    /// The command lists setMyCommands registers, by Telegram's language_code: English as the default
    /// (no code), Russian for "ru" and Traditional Chinese for "zh". setMyCommands takes a two-letter
    /// ISO 639-1 code, so "zh" reaches Simplified and Traditional readers alike: Traditional readers are
    /// the ones the bot answers in Chinese (<see cref="MovieRec.Domain.PersonLanguage"/>), and Simplified
    /// readers can read a Traditional menu, while an English one would leave Traditional readers without theirs.
    /// </summary>
    public static IReadOnlyList<(string? LanguageCode, IReadOnlyList<BotCommand> Commands)> ByLanguage { get; } =
        [(null, All), ("ru", In(BotTexts.Russian)), ("zh", In(BotTexts.TraditionalChinese))];

    /// <summary>Registers every command list of <see cref="ByLanguage"/> with Telegram.</summary>
    public static async Task RegisterAsync(ITelegramBotClient bot, CancellationToken cancellationToken)
    {
        foreach (var (languageCode, commands) in ByLanguage)
        {
            await bot.SetMyCommands(commands, languageCode: languageCode, cancellationToken: cancellationToken);
        }
    }

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
