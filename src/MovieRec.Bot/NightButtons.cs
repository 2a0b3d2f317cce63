using Telegram.Bot.Types.ReplyMarkups;

namespace MovieRec.Bot;

/// <summary>
/// A movie night's buttons. They carry no ids: a press acts on the night of the message it is under
/// (for "Close the vote", the night message its poll replies to), so old or forged data can name no other night.
/// </summary>
public static class NightButtons
{
    /// <summary>Under the night's message while people join.</summary>
    public static InlineKeyboardMarkup Open(BotTexts texts) => new([[
        InlineKeyboardButton.WithCallbackData(texts.ImIn, JoinNightPress.Data),
        InlineKeyboardButton.WithCallbackData(texts.PickForUs, PickNightPress.Data)]]);

    /// <summary>Under the poll, for whoever started the night.</summary>
    public static InlineKeyboardMarkup CloseVote(BotTexts texts) => new(InlineKeyboardButton.WithCallbackData(texts.CloseTheVote, CloseVotePress.Data));
}
