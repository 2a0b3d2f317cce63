using Telegram.Bot.Types.ReplyMarkups;

namespace MovieRec.Bot;

/// <summary>The /forget confirmation: one button (<see cref="ForgetPress"/>, "forget:yes"). Nothing is deleted until it is pressed.</summary>
public static class ForgetButton
{
    public static InlineKeyboardMarkup Markup(BotTexts texts) => new(InlineKeyboardButton.WithCallbackData(texts.YesDeleteEverything, ForgetPress.Data));
}
