using Telegram.Bot.Types.ReplyMarkups;

namespace MovieRec.Bot;

/// <summary>The /forget confirmation: one button (<see cref="ForgetPress"/>, "forget:yes"). Nothing is deleted until it is pressed.</summary>
public static class ForgetButton
{
    public const string Label = "Yes, delete everything";

    public static InlineKeyboardMarkup Markup { get; } = new(InlineKeyboardButton.WithCallbackData(Label, ForgetPress.Data));
}
