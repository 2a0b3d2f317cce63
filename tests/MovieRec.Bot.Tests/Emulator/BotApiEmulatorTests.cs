using System.Text.Json;

namespace MovieRec.Bot.Tests.Emulator;

/// <summary>The emulator refuses what Telegram refuses, so a bot that passes against it does not fail against Telegram.</summary>
public sealed class BotApiEmulatorTests
{
    private const long Ada = 4242;
    private const long Group = -4012345678;
    private const long Supergroup = -1001234567890;

    private readonly BotApiEmulator _telegram = new();

    [Fact]
    public async Task A_group_is_a_chat_the_bot_can_write_to_only_once_it_is_in_it()
    {
        Assert.Equal((400, "Bad Request: chat not found"), await CallAsync("sendMessage", new { chat_id = Group, text = "hi" }));

        _telegram.GroupMemberSends(Group, Ada, "/rate");

        Assert.Equal(200, (await CallAsync("sendMessage", new { chat_id = Group, text = "hi" })).Status);
    }

    [Theory]
    [InlineData(Group, "group")]
    [InlineData(Supergroup, "supergroup")]
    public void Groups_are_delivered_with_their_type_and_the_members_own_user_id(long chatId, string type)
    {
        using var update = JsonDocument.Parse(_telegram.GroupMemberSends(chatId, Ada, "/rate"));

        var message = update.RootElement.GetProperty("message");
        Assert.Equal(type, message.GetProperty("chat").GetProperty("type").GetString());
        Assert.Equal(chatId, message.GetProperty("chat").GetProperty("id").GetInt64());
        Assert.Equal(Ada, message.GetProperty("from").GetProperty("id").GetInt64());
    }

    [Theory]
    [InlineData("https://t.me/MovieRecTestBot?start=rate", 200)]
    [InlineData("tg://resolve?domain=MovieRecTestBot&start=rate", 200)]
    [InlineData("t.me/MovieRecTestBot", 400)]
    [InlineData("ftp://t.me/MovieRecTestBot", 400)]
    [InlineData("javascript:alert(1)", 400)]
    public async Task A_url_button_needs_an_http_or_tg_url(string url, int status)
    {
        _telegram.GroupMemberSends(Group, Ada, "/rate");

        var (got, _) = await CallAsync("sendMessage", new { chat_id = Group, text = "hi", reply_markup = new { inline_keyboard = new[] { new[] { new { text = "Open", url } } } } });

        Assert.Equal(status, got);
    }

    [Fact]
    public async Task A_button_with_both_a_url_and_callback_data_is_refused()
    {
        _telegram.UserSends(Ada, "/start");

        var (status, description) = await CallAsync(
            "sendMessage", new { chat_id = Ada, text = "hi", reply_markup = new { inline_keyboard = new[] { new[] { new { text = "Both", url = "https://t.me/x", callback_data = "rate:1:5" } } } } });

        Assert.Equal(400, status);
        Assert.Contains("exactly one", description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Callback_data_over_64_bytes_is_refused()
    {
        _telegram.UserSends(Ada, "/start");

        var (status, description) = await CallAsync(
            "sendMessage", new { chat_id = Ada, text = "hi", reply_markup = new { inline_keyboard = new[] { new[] { new { text = "Long", callback_data = new string('x', 65) } } } } });

        Assert.Equal((400, "Bad Request: BUTTON_DATA_INVALID"), (status, description));
    }

    [Fact]
    public async Task A_mini_app_button_opens_in_a_private_chat_only()
    {
        _telegram.UserSends(Ada, "/start");
        _telegram.GroupMemberSends(Supergroup, Ada, "/app");
        var markup = new { inline_keyboard = new[] { new[] { new { text = "Open", web_app = new { url = "https://movierec.example/app" } } } } };

        Assert.Equal(200, (await CallAsync("sendMessage", new { chat_id = Ada, text = "app", reply_markup = markup })).Status);
        Assert.Equal((400, "Bad Request: BUTTON_TYPE_INVALID"), await CallAsync("sendMessage", new { chat_id = Supergroup, text = "app", reply_markup = markup }));
    }

    [Theory]
    [InlineData("https://example.com/", 400)]
    [InlineData("https://t.me/SomeOtherBot?start=rate", 400)]
    [InlineData("https://t.me/MovieRecTestBot?start=rate", 200)]
    public async Task A_callback_answer_opens_only_this_bots_start_links_without_a_game(string url, int status)
    {
        _telegram.GroupMemberSends(Group, Ada, "/rate");
        var message = _telegram.BotSentEarlier(Group, "old", [("1", "rate:1:1")]);
        using var press = JsonDocument.Parse(_telegram.MemberPresses(Group, Ada, message, "1"));
        var queryId = press.RootElement.GetProperty("callback_query").GetProperty("id").GetString();

        Assert.Equal(status, (await CallAsync("answerCallbackQuery", new { callback_query_id = queryId, url })).Status);
    }

    [Fact]
    public async Task A_url_button_sends_no_update_when_pressed()
    {
        _telegram.GroupMemberSends(Group, Ada, "/rate");
        await CallAsync("sendMessage", new { chat_id = Group, text = "link", reply_markup = new { inline_keyboard = new[] { new[] { new { text = "Open", url = "https://t.me/MovieRecTestBot?start=rate" } } } } });
        var link = _telegram.BotMessages(Group)[^1];

        Assert.Throws<InvalidOperationException>(() => _telegram.MemberPresses(Group, Ada, link.MessageId, "Open"));
    }

    private async Task<(int Status, string? Description)> CallAsync(string method, object parameters)
    {
        var (status, json) = await _telegram.HandleAsync(
            BotApiEmulator.Token, method, BotApiParameters.Parse("application/json", JsonSerializer.Serialize(parameters), null), CancellationToken.None);
        using var answer = JsonDocument.Parse(json);
        return (status, answer.RootElement.TryGetProperty("description", out var description) ? description.GetString() : null);
    }
}
