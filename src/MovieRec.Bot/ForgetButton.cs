using Telegram.Bot.Types.ReplyMarkups;

namespace MovieRec.Bot;

/// <summary>The /forget confirmation: one button, "forget:yes". Nothing is deleted until it is pressed.</summary>
public static class ForgetButton
{
    public const string Data = "forget:yes";

    public const string Label = "Yes, delete everything";

    public static InlineKeyboardMarkup Markup { get; } = new(InlineKeyboardButton.WithCallbackData(Label, Data));

    public static bool IsPressed(string? data) => data == Data;
}
