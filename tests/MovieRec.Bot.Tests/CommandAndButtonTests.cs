namespace MovieRec.Bot.Tests;

public sealed class CommandAndButtonTests
{
    [Theory]
    [InlineData("/rate", "rate", null)]
    [InlineData("/Rate@MovieRecBot", "rate", "MovieRecBot")]
    [InlineData("/recommend now please", "recommend", null)]
    [InlineData("/start\nhello", "start", null)]
    public void A_command_is_read_with_its_optional_bot_name(string text, string command, string? botName)
    {
        Assert.True(CommandText.TryRead(text, out var readCommand, out var readBotName));
        Assert.Equal(command, readCommand);
        Assert.Equal(botName, readBotName);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("rate")]
    [InlineData(" /rate")]
    [InlineData("/rate-me")]
    [InlineData("/")]
    public void Text_that_is_not_a_command_is_not_read_as_one(string? text) =>
        Assert.False(CommandText.TryRead(text, out _, out _));

    [Fact]
    public void The_keyboard_is_a_row_of_five_buttons_from_1_to_5_and_a_havent_seen_it_button_under_it()
    {
        var keyboard = RatingButtons.For(318, BotTexts.English).InlineKeyboard.ToList();

        Assert.Equal(2, keyboard.Count);
        Assert.Equal(["1", "2", "3", "4", "5"], keyboard[0].Select(b => b.Text));
        Assert.Equal(["rate:318:1", "rate:318:2", "rate:318:3", "rate:318:4", "rate:318:5"], keyboard[0].Select(b => b.CallbackData));
        var skip = Assert.Single(keyboard[1]);
        Assert.Equal(("Haven't seen it", "skip:318"), (skip.Text, skip.CallbackData));
    }

    [Fact]
    public void Bot_options_show_no_token_or_secret_and_know_the_bot_id()
    {
        var options = new BotOptions { Token = "123456789:AAE-very-secret-part", WebhookSecret = "hook-secret-1" };

        Assert.Equal(123456789, options.BotId);
        Assert.DoesNotContain("very-secret", options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hook-secret", options.ToString(), StringComparison.Ordinal);
        Assert.Equal("https://api.telegram.org", options.ResolvedApiBaseUrl);
    }

    [Theory]
    [InlineData("no-colon")]
    [InlineData(":AAE")]
    [InlineData("abc:AAE")]
    public void A_token_without_a_bot_id_is_refused_without_echoing_it(string token)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new BotOptions { Token = token }.BotId);
        Assert.DoesNotContain(token, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_help_lists_every_registered_command()
    {
        Assert.All(BotCommandList.All, c => Assert.Contains($"/{c.Command} - {c.Description}", BotTexts.English.Help, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("abc_DEF-123", true)]
    [InlineData("", false)]
    [InlineData("has space", false)]
    [InlineData("ünïcode", false)]
    public void Webhook_secrets_follow_telegrams_alphabet(string secret, bool valid) =>
        Assert.Equal(valid, WebhookRegistration.IsValidSecret(secret));
}
