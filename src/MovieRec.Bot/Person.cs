using System.Globalization;
using Telegram.Bot.Types;

namespace MovieRec.Bot;

/// <summary>
/// Whose profile a message or a press acts on, and the private chat the bot answers them in. A
/// profile is a person: its key is the Telegram user id (<c>from.id</c>), never a group's id. In a
/// private chat the chat id is that same user id, so profiles made before keep their data.
/// </summary>
public sealed record Person(string Id, Chat Chat)
{
    /// <summary>What the bot says to them, in the language their Telegram app reports (<c>from.language_code</c>).</summary>
    public BotTexts Texts { get; init; } = BotTexts.English;

    public static Person In(Chat privateChat, User from) => new(IdOf(from.Id), privateChat) { Texts = BotTexts.For(from.LanguageCode) };

    /// <summary>The profile key of a Telegram user, wherever they write or press.</summary>
    public static string IdOf(long userId) => userId.ToString(CultureInfo.InvariantCulture);
}
