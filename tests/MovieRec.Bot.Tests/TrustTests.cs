using MovieRec.Bot.Tests.Emulator;

namespace MovieRec.Bot.Tests;

/// <summary>What a person (or a script with their chat) can do to their own data through the bot: at a human pace, and forget it all.</summary>
public sealed class TrustTests
{
    private const long Ada = 4242;
    private const long Bob = 5151;

    [Fact]
    public async Task Presses_past_the_chats_limit_are_asked_to_slow_down_and_store_nothing()
    {
        using var chat = new Conversation(personWritesPerMinute: 3);
        await chat.UserSendsAsync(Ada, "/rate");
        for (var press = 0; press < 3; press++)
        {
            await chat.UserPressesAsync(Ada, "4");
        }

        var ratedBefore = chat.Ratings(Ada)!.Count;
        var forged = chat.Telegram.UserPresses(Ada, chat.Telegram.BotMessages(Ada)[^1].MessageId, "5");
        await chat.DeliverAsync(forged);

        Assert.Equal(3, ratedBefore);
        Assert.Equal(3, chat.Ratings(Ada)!.Count);
        Assert.Equal(BotTexts.English.SlowDown, chat.Telegram.CallbackAnswers[^1].Text);
        Assert.DoesNotContain(chat.Ratings(Ada)!.Values, stars => stars == 5);
    }

    [Fact]
    public async Task One_chats_limit_does_not_slow_another_chat()
    {
        using var chat = new Conversation(personWritesPerMinute: 1);
        await chat.UserSendsAsync(Ada, "/rate");
        await chat.UserPressesAsync(Ada, "4");
        await chat.UserSendsAsync(Bob, "/rate");

        await chat.UserPressesAsync(Bob, "2");

        Assert.Single(chat.Ratings(Bob)!);
    }

    [Fact]
    public async Task Forget_asks_first_and_deletes_nothing_until_the_button_is_pressed()
    {
        using var chat = new Conversation();
        await chat.UserSendsAsync(Ada, "/rate");
        await chat.UserPressesAsync(Ada, "4");

        await chat.UserSendsAsync(Ada, "/forget");

        var question = chat.Telegram.BotMessages(Ada)[^1];
        Assert.Equal(BotTexts.English.ForgetQuestion, question.Text);
        Assert.Equal([(BotTexts.English.YesDeleteEverything, (string?)"forget:yes")], question.Buttons);
        Assert.Single(chat.Ratings(Ada)!);
    }

    [Fact]
    public async Task Pressing_forget_deletes_the_chat_and_says_so_and_start_then_welcomes_a_new_user()
    {
        using var chat = new Conversation();
        await chat.UserSendsAsync(Ada, "/rate");
        await chat.UserPressesAsync(Ada, "4");
        await chat.UserSendsAsync(Ada, "/forget");

        await chat.UserPressesAsync(Ada, BotTexts.English.YesDeleteEverything);

        Assert.Null(chat.Ratings(Ada));
        Assert.Equal(BotTexts.English.Forgotten, chat.Telegram.CallbackAnswers[^1].Text);
        Assert.Equal(BotTexts.English.Forgotten, chat.Telegram.BotMessages(Ada)[^1].Text);
        await chat.UserSendsAsync(Ada, "/start");
        Assert.Contains("Welcome!", chat.Texts(Ada));
    }

    [Fact]
    public async Task A_second_forget_confirmation_pressed_later_says_there_is_nothing_left()
    {
        using var chat = new Conversation();
        await chat.UserSendsAsync(Ada, "/start");
        await chat.UserSendsAsync(Ada, "/forget");
        var first = chat.Telegram.BotMessages(Ada)[^1];
        await chat.UserSendsAsync(Ada, "/forget");
        await chat.UserPressesAsync(Ada, BotTexts.English.YesDeleteEverything);

        await chat.DeliverAsync(chat.Telegram.UserPresses(Ada, first.MessageId, BotTexts.English.YesDeleteEverything));

        Assert.Equal(BotTexts.English.NothingToForget, chat.Telegram.CallbackAnswers[^1].Text);
        Assert.Null(chat.Ratings(Ada));
    }
}
