using Telegram.Bot.Types.ReplyMarkups;

namespace MovieRec.Bot;

/// <summary>
/// The button a group gets for a personal command: it opens the person's private chat with the
/// bot and, once they press Start, sends "/start {payload}" there (Telegram's deep link), which
/// goes straight to the command they asked for in the group.
/// </summary>
public static class PrivateChatLink
{
    public static string Url(string botUsername, string payload) => $"https://t.me/{botUsername}?start={payload}";

    public static InlineKeyboardMarkup Markup(string botUsername, string payload, BotTexts texts) =>
        new(InlineKeyboardButton.WithUrl(texts.OpenPrivateChat, Url(botUsername, payload)));
}
