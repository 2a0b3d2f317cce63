using System.Text.Json;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace MovieRec.Bot.Tests.Emulator;

/// <summary>The emulator's polls, inline mode and deep links refuse what Telegram refuses (limits as the Bot API documents them today).</summary>
public sealed class BotApiEmulatorPollAndInlineTests
{
    private const long Ada = 4242;
    private const long Bob = 5151;
    private const long Group = -1001234567890;

    private readonly BotApiEmulator _telegram = new();

    public BotApiEmulatorPollAndInlineTests() => _telegram.GroupMemberSends(Group, Ada, "/movienight");

    [Theory]
    [InlineData(1, 2, 10, 200, null)]
    [InlineData(300, 12, 100, 200, null)]
    [InlineData(10, 1, 10, 200, null)]
    [InlineData(0, 2, 10, 400, "Bad Request: poll question must be non-empty")]
    [InlineData(301, 2, 10, 400, "Bad Request: poll question length must not exceed 300")]
    [InlineData(10, 0, 10, 400, "Bad Request: poll must have at least one answer option")]
    [InlineData(10, 13, 10, 400, "Bad Request: poll can't have more than 12 options")]
    [InlineData(10, 2, 0, 400, "Bad Request: text must be non-empty")]
    [InlineData(10, 2, 101, 400, "Bad Request: poll options length must not exceed 100")]
    public async Task A_poll_has_a_question_of_1_to_300_characters_and_1_to_12_options_of_1_to_100(int question, int options, int optionLength, int status, string? description)
    {
        var sent = await CallAsync("sendPoll", new
        {
            chat_id = Group,
            question = new string('q', question),
            options = Enumerable.Range(0, options).Select(_ => new { text = new string('o', optionLength) }),
        });

        Assert.Equal((status, description), sent);
    }

    [Fact]
    public async Task A_poll_goes_only_to_a_chat_the_bot_is_in_and_replies_only_to_a_message_there()
    {
        Assert.Equal((400, "Bad Request: chat not found"), await SendPollAsync(-4000000001, replyTo: null));
        Assert.Equal((400, "Bad Request: message to be replied not found"), await SendPollAsync(Group, replyTo: 99));
        Assert.Equal((200, null), await SendPollAsync(Group, replyTo: 1));
        Assert.Equal(1, _telegram.BotMessages(Group)[0].ReplyTo);
    }

    [Fact]
    public async Task Stop_poll_stops_the_bots_own_poll_once_with_the_final_counts_and_a_vote_replaces_the_members_earlier_one()
    {
        await SendPollAsync(Group, replyTo: null);
        var poll = _telegram.BotMessages(Group)[^1];
        _telegram.MemberVotes(Group, Ada, poll.MessageId, 0);
        _telegram.MemberVotes(Group, Bob, poll.MessageId, 0);
        using var update = JsonDocument.Parse(_telegram.MemberVotes(Group, Ada, poll.MessageId, 1));

        var stopped = await CallForResultAsync("stopPoll", new { chat_id = Group, message_id = poll.MessageId });

        Assert.Equal([1, 1], stopped.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("voter_count").GetInt32()));
        Assert.True(stopped.GetProperty("is_closed").GetBoolean());
        Assert.Equal(1, update.RootElement.GetProperty("poll").GetProperty("options")[1].GetProperty("voter_count").GetInt32());
        Assert.Equal((400, "Bad Request: poll has already been closed"), await CallAsync("stopPoll", new { chat_id = Group, message_id = poll.MessageId }));
        Assert.Equal((400, "Bad Request: message with poll to stop not found"), await CallAsync("stopPoll", new { chat_id = Group, message_id = 1 }));
        Assert.Throws<InvalidOperationException>(() => _telegram.MemberVotes(Group, Bob, poll.MessageId, 1));
    }

    [Fact]
    public async Task A_polls_text_cannot_be_edited_but_its_buttons_can()
    {
        await SendPollAsync(Group, replyTo: null);
        var poll = _telegram.BotMessages(Group)[^1];

        Assert.Equal((400, "Bad Request: there is no text in the message to edit"), await CallAsync("editMessageText", new { chat_id = Group, message_id = poll.MessageId, text = "x" }));
        Assert.Equal((200, null), await CallAsync("editMessageReplyMarkup", new { chat_id = Group, message_id = poll.MessageId, reply_markup = Keyboard("Close", "night:close") }));
    }

    [Fact]
    public async Task A_poll_reaches_the_bot_as_Telegram_Bot_reads_it_with_the_message_it_replies_to()
    {
        var bot = new TelegramBotClient(new TelegramBotClientOptions(BotApiEmulator.Token, "http://bot-api.invalid"), new HttpClient(new EmulatorMessageHandler(_telegram)));

        var sent = await bot.SendPoll(Group, "Which?", [new InputPollOption("A"), new InputPollOption("B")], replyParameters: 1, replyMarkup: new Telegram.Bot.Types.ReplyMarkups.InlineKeyboardMarkup(Telegram.Bot.Types.ReplyMarkups.InlineKeyboardButton.WithCallbackData("Close", "night:close")));
        using var press = JsonDocument.Parse(_telegram.MemberPresses(Group, Bob, sent.MessageId, "Close"));
        var update = JsonSerializer.Deserialize<Update>(press.RootElement.GetRawText(), JsonBotAPI.Options)!;

        Assert.Equal(["A", "B"], sent.Poll!.Options.Select(o => o.Text));
        Assert.Equal(1, update.CallbackQuery!.Message!.ReplyToMessage!.MessageId);
        Assert.Equal("Which?", update.CallbackQuery.Message.Poll!.Question);
    }

    [Fact]
    public void Inline_queries_reach_only_a_bot_whose_inline_mode_is_on()
    {
        Assert.Throws<InvalidOperationException>(() => _telegram.UserQueriesInline(Ada, "heat"));

        _telegram.InlineMode = true;

        using var update = JsonDocument.Parse(_telegram.UserQueriesInline(Ada, "heat", "group"));
        Assert.Equal("heat", update.RootElement.GetProperty("inline_query").GetProperty("query").GetString());
        Assert.Equal("group", update.RootElement.GetProperty("inline_query").GetProperty("chat_type").GetString());
    }

    [Fact]
    public async Task A_switch_inline_query_button_needs_inline_mode()
    {
        var markup = new { inline_keyboard = new[] { new[] { new { text = "Share", switch_inline_query = "Heat (1995)" } } } };

        Assert.Equal((400, "Bad Request: BUTTON_TYPE_INVALID"), await CallAsync("sendMessage", new { chat_id = Group, text = "hi", reply_markup = markup }));
        _telegram.InlineMode = true;
        Assert.Equal((200, null), await CallAsync("sendMessage", new { chat_id = Group, text = "hi", reply_markup = markup }));
    }

    public static TheoryData<string, object, string> RefusedAnswers => new()
    {
        { "duplicate ids", new { results = new[] { Article("1"), Article("1") } }, "Bad Request: RESULT_ID_DUPLICATE" },
        { "an empty id", new { results = new[] { Article("") } }, "Bad Request: RESULT_ID_INVALID" },
        { "an id of 65 bytes", new { results = new[] { Article(new string('é', 32) + "x") } }, "Bad Request: RESULT_ID_INVALID" },
        { "51 results", new { results = Enumerable.Range(1, 51).Select(i => Article(i.ToString(System.Globalization.CultureInfo.InvariantCulture))) }, "Bad Request: RESULTS_TOO_MUCH" },
        { "an empty message", new { results = new[] { Article("1", text: "") } }, "Bad Request: MESSAGE_EMPTY" },
        { "a message of 4097 characters", new { results = new[] { Article("1", text: new string('x', 4097)) } }, "Bad Request: MESSAGE_TOO_LONG" },
        { "no title", new { results = new object[] { new { type = "article", id = "1", input_message_content = new { message_text = "x" } } } }, "Bad Request: can't parse inline query result: Field \"title\" must be a non-empty String" },
        { "another type", new { results = new object[] { new { type = "photo", id = "1", photo_url = "https://x", thumbnail_url = "https://x" } } }, "Bad Request: RESULT_TYPE_INVALID" },
        { "a Mini App button", new { results = new object[] { new { type = "article", id = "1", title = "t", input_message_content = new { message_text = "x" }, reply_markup = new { inline_keyboard = new[] { new[] { new { text = "Open", web_app = new { url = "https://x" } } } } } } } }, "Bad Request: BUTTON_TYPE_INVALID" },
        { "a negative cache time", new { results = new[] { Article("1") }, cache_time = -1 }, "Bad Request: cache_time must be a non-negative integer" },
        { "a string is_personal", new { results = new[] { Article("1") }, is_personal = "yes" }, "Bad Request: is_personal must be a Boolean" },
        { "a next_offset of 65 bytes", new { results = new[] { Article("1") }, next_offset = new string('o', 65) }, "Bad Request: NEXT_OFFSET_INVALID" },
        { "a start parameter with a space", new { results = new[] { Article("1") }, button = new { text = "Rate", start_parameter = "rate now" } }, "Bad Request: START_PARAM_INVALID" },
        { "a button of two kinds", new { results = new[] { Article("1") }, button = new { text = "Rate", start_parameter = "rate", web_app = new { url = "https://x" } } }, "Bad Request: can't parse inline query results button: exactly one of web_app and start_parameter must be used" },
    };

    [Theory]
    [MemberData(nameof(RefusedAnswers))]
    public async Task An_inline_answer_Telegram_would_refuse_is_refused_and_the_query_can_still_be_answered(string what, object answer, string description)
    {
        _telegram.InlineMode = true;
        var id = QueryIdOf(_telegram.UserQueriesInline(Ada, "heat"));

        var refused = await CallAsync("answerInlineQuery", With(answer, id));

        Assert.True((400, description) == refused, $"{what}: {refused}");
        Assert.Equal((200, null), await CallAsync("answerInlineQuery", new { inline_query_id = id, results = new[] { Article("1") }, cache_time = 0, is_personal = true }));
    }

    [Fact]
    public async Task An_inline_query_is_answered_once_and_an_unknown_one_not_at_all()
    {
        _telegram.InlineMode = true;
        var id = QueryIdOf(_telegram.UserQueriesInline(Ada, ""));
        var answer = new { inline_query_id = id, results = Array.Empty<object>(), button = new { text = "Rate", start_parameter = "rate" } };

        Assert.Equal((200, null), await CallAsync("answerInlineQuery", answer));
        Assert.Equal((400, "Bad Request: query is too old and response timeout expired or query ID is invalid"), await CallAsync("answerInlineQuery", answer));
        Assert.Equal((400, "Bad Request: query is too old and response timeout expired or query ID is invalid"), await CallAsync("answerInlineQuery", answer with { inline_query_id = "42" }));
    }

    [Theory]
    [InlineData("https://t.me/MovieRecTestBot?start=rate", "/start rate")]
    [InlineData("https://t.me/movierectestbot?start=night_42-x", "/start night_42-x")]
    public void A_deep_link_opens_the_private_chat_and_sends_start_with_its_payload(string url, string text)
    {
        using var update = JsonDocument.Parse(_telegram.UserOpensLink(Bob, url));

        var message = update.RootElement.GetProperty("message");
        Assert.Equal(text, message.GetProperty("text").GetString());
        Assert.Equal(Bob, message.GetProperty("chat").GetProperty("id").GetInt64());
    }

    [Theory]
    [InlineData("https://t.me/OtherBot?start=rate")]
    [InlineData("https://t.me/MovieRecTestBot?start=rate now")]
    [InlineData("https://t.me/MovieRecTestBot?start=")]
    [InlineData("https://example.com/MovieRecTestBot?start=rate")]
    public void A_link_that_is_no_start_link_of_this_bot_opens_nothing(string url) =>
        Assert.Throws<InvalidOperationException>(() => _telegram.UserOpensLink(Bob, url));

    private static object Article(string id, string text = "Heat (1995)") =>
        new { type = "article", id, title = "Heat (1995)", input_message_content = new { message_text = text } };

    private static object Keyboard(string label, string data) => new { inline_keyboard = new[] { new[] { new { text = label, callback_data = data } } } };

    /// <summary>The answer's fields with the query id added.</summary>
    private static Dictionary<string, object?> With(object answer, string id)
    {
        var fields = JsonSerializer.SerializeToElement(answer).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        fields["inline_query_id"] = id;
        return fields;
    }

    private static string QueryIdOf(string update)
    {
        using var json = JsonDocument.Parse(update);
        return json.RootElement.GetProperty("inline_query").GetProperty("id").GetString()!;
    }

    private Task<(int Status, string? Description)> SendPollAsync(long chatId, int? replyTo) =>
        CallAsync("sendPoll", new
        {
            chat_id = chatId,
            question = "Which film tonight?",
            options = new[] { new { text = "Heat (1995)" }, new { text = "Alien (1979)" } },
            reply_parameters = replyTo is { } id ? new { message_id = id } : null,
        });

    private async Task<(int Status, string? Description)> CallAsync(string method, object parameters)
    {
        var (status, json) = await _telegram.HandleAsync(
            BotApiEmulator.Token, method, BotApiParameters.Parse("application/json", JsonSerializer.Serialize(parameters), null), CancellationToken.None);
        using var answer = JsonDocument.Parse(json);
        return (status, answer.RootElement.TryGetProperty("description", out var description) ? description.GetString() : null);
    }

    private async Task<JsonElement> CallForResultAsync(string method, object parameters)
    {
        var (_, json) = await _telegram.HandleAsync(
            BotApiEmulator.Token, method, BotApiParameters.Parse("application/json", JsonSerializer.Serialize(parameters), null), CancellationToken.None);
        using var answer = JsonDocument.Parse(json);
        return answer.RootElement.GetProperty("result").Clone();
    }
}
