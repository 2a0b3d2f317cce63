using System.Text.Json;
using System.Text.RegularExpressions;
using MovieRec.Testing;

namespace MovieRec.Bot.Tests;

/// <summary>
/// The bot end to end: real Update JSON posted to the standalone host's /telegram/webhook, the
/// host's bot talking to the Bot API emulator on loopback, ratings in Azurite.
/// </summary>
public sealed partial class WebhookEndToEndTests(BotFixture app) : IClassFixture<BotFixture>
{
    [Fact]
    public async Task A_chat_goes_from_start_through_ten_button_presses_to_three_recommendations_with_imdb_urls()
    {
        var chat = BotFixture.NewChatId();
        Assert.Equal(200, (await app.UserSendsAsync(chat, "/start")).Status);
        Assert.Equal("Welcome!", app.Texts(chat)[0]);

        await app.UserSendsAsync(chat, "/rate");
        var pressed = new List<int>();
        for (var i = 0; i < 10; i++)
        {
            var question = app.Telegram.Emulator.BotMessages(chat)[^1];
            Assert.Equal("How do you rate this movie?", question.Text);
            pressed.Add(MovieIdOf(question.Buttons[0].Data!));
            var (status, body) = await app.UserPressesAsync(chat, ((i % 5) + 1).ToString());
            Assert.Equal(200, status);
            Assert.Equal("handled", body.GetProperty("status").GetString());
        }

        var stored = await app.Store.GetRatingsAsync(chat.ToString(), CancellationToken.None);
        Assert.Equal(pressed.Order(), stored!.StarsByMovie.Keys.Order());
        // Every answered question lost its buttons; only the newest one can still be pressed.
        Assert.Single(app.Telegram.Emulator.BotMessages(chat), m => m.Buttons.Count > 0);

        var before = app.Texts(chat).Count;
        await app.UserSendsAsync(chat, "/recommend");

        var recommendations = app.Texts(chat).Skip(before).ToList();
        Assert.Equal(3, recommendations.Count);
        var api = (await app.Host.PostAsync("/recommend", new { chat_id = chat.ToString(), top_n = 3 })).Body.GetProperty("movies").EnumerateArray().ToList();
        for (var i = 0; i < 3; i++)
        {
            Assert.Matches(RecommendationMessage(), recommendations[i]);
            Assert.Equal(
                $"{api[i].GetProperty("title").GetString()}\n{api[i].GetProperty("url").GetString()}\n{api[i].GetProperty("reason").GetString()}",
                recommendations[i]);
            Assert.DoesNotContain(api[i].GetProperty("id").GetInt32(), pressed);
        }
    }

    [Fact]
    public async Task Through_the_webhook_a_typed_title_is_found_rated_listed_by_ratings_and_removed_on_azurite()
    {
        var chat = BotFixture.NewChatId();

        await app.UserSendsAsync(chat, "the matrx 1999");
        var found = app.Telegram.Emulator.BotMessages(chat)[^1];
        Assert.Equal(("Matrix, The (1999)", (string?)"movie:2571"), found.Buttons[0]);
        await app.UserPressesAsync(chat, "Matrix, The (1999)");
        await app.UserPressesAsync(chat, "5");
        await app.UserSendsAsync(chat, "/ratings");
        var list = app.Telegram.Emulator.BotMessages(chat)[^1];
        Assert.Equal("Your ratings, newest first (1–1 of 1):\nMatrix, The (1999): 5 of 5", list.Text);
        await app.UserPressesAsync(chat, "Remove");

        Assert.Empty((await app.Store.GetRatingsAsync(chat.ToString(), CancellationToken.None))!.StarsByMovie);
        Assert.Equal("You have not rated any film yet. Send /rate, or type a title to find it.", app.Telegram.Emulator.BotMessages(chat).Single(m => m.MessageId == list.MessageId).Text);
    }

    [Fact]
    public async Task A_chat_with_fewer_than_ten_ratings_gets_the_exact_sentence()
    {
        var chat = BotFixture.NewChatId();
        await app.UserSendsAsync(chat, "/rate");
        for (var i = 0; i < 3; i++)
        {
            await app.UserPressesAsync(chat, "5");
        }

        Assert.Equal("Rate 7 more movies to unlock /recommend.", app.Texts(chat)[^3]);
        await app.UserSendsAsync(chat, "/recommend");

        Assert.Equal("You have not rated enough movies, we cannot generate recommendation for you", app.Texts(chat)[^1]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("e2e_webhook-Secret4")]
    [InlineData("e2e_webhook-Secret42x")]
    [InlineData("E2E_WEBHOOK-SECRET42")]
    public async Task A_missing_or_forged_secret_gets_401_and_the_bot_does_nothing(string? secret)
    {
        var chat = BotFixture.NewChatId();

        var (status, body) = await app.DeliverAsync(app.Telegram.Emulator.UserSends(chat, "/start"), secret);

        Assert.Equal(401, status);
        Assert.Contains("X-Telegram-Bot-Api-Secret-Token", body.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(app.Telegram.Emulator.Calls, c => c.EndsWith($" {chat}", StringComparison.Ordinal));
        Assert.Null(await app.Store.GetRatingsAsync(chat.ToString(), CancellationToken.None));
    }

    [Fact]
    public async Task The_same_update_posted_twice_is_answered_once()
    {
        var chat = BotFixture.NewChatId();
        var start = app.Telegram.Emulator.UserSends(chat, "/start");

        var first = await app.DeliverAsync(start);
        var second = await app.DeliverAsync(start);

        Assert.Equal((200, "handled"), (first.Status, first.Body.GetProperty("status").GetString()));
        Assert.Equal((200, "duplicate"), (second.Status, second.Body.GetProperty("status").GetString()));
        Assert.Equal(["Welcome!", BotTexts.English.HowToUse], app.Texts(chat));
    }

    [Fact]
    public async Task A_button_press_redelivered_five_times_at_once_rates_once_and_confirms_once()
    {
        var chat = BotFixture.NewChatId();
        await app.UserSendsAsync(chat, "/rate");
        var question = app.Telegram.Emulator.BotMessages(chat)[^1];
        var press = app.Telegram.Emulator.UserPresses(chat, question.MessageId, "4");

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => app.DeliverAsync(press)));

        Assert.All(answers, a => Assert.Equal(200, a.Status));
        Assert.Single(answers, a => a.Body.GetProperty("status").GetString() == "handled");
        Assert.Single(app.Texts(chat), t => t == "Your rating is received!");
        var stored = await app.Store.GetRatingsAsync(chat.ToString(), CancellationToken.None);
        Assert.Equal(4, Assert.Single(stored!.StarsByMovie).Value);
    }

    [Fact]
    public async Task Two_chats_interleaved_each_rate_only_the_movies_shown_to_them()
    {
        long[] chats = [BotFixture.NewChatId(), BotFixture.NewChatId()];
        var shown = chats.ToDictionary(c => c, _ => new List<int>());
        await Task.WhenAll(chats.Select(c => app.UserSendsAsync(c, "/rate")));
        for (var round = 0; round < 4; round++)
        {
            foreach (var chat in chats)
            {
                var messages = app.Telegram.Emulator.BotMessages(chat);
                var question = messages[^1];
                var title = messages[^2];
                var movieId = MovieIdOf(question.Buttons[0].Data!);
                Assert.True(Repository.MovieLens.Catalog.TryGet(movieId, out var movie));
                Assert.Equal($"{movie.Title}\n{movie.Url}", title.Text);
                shown[chat].Add(movieId);
            }

            // Both presses in flight at once.
            await Task.WhenAll(chats.Select(c => app.UserPressesAsync(c, "3")));
        }

        foreach (var chat in chats)
        {
            var stored = await app.Store.GetRatingsAsync(chat.ToString(), CancellationToken.None);
            Assert.Equal(shown[chat].Order(), stored!.StarsByMovie.Keys.Order());
        }
    }

    [Fact]
    public async Task A_bot_api_failure_is_logged_with_the_update_id_and_never_with_the_token()
    {
        var chat = BotFixture.NewChatId();
        app.Telegram.Emulator.FailNext("sendMessage", 400, "Bad Request: chat not found");
        var update = app.Telegram.Emulator.UserSends(chat, "/start");
        var updateId = JsonDocument.Parse(update).RootElement.GetProperty("update_id").GetInt32();

        var (status, _) = await app.DeliverAsync(update);

        Assert.Equal(200, status);
        Assert.Equal([BotTexts.English.Apology], app.Texts(chat));
        await Eventually.TrueAsync(() => app.Host.Output.Contains($"Update {updateId} failed", StringComparison.Ordinal));
        Assert.Contains("chat not found", app.Host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(BotApiEmulatorToken.Secret, app.Host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_is_not_an_update_gets_400_and_nothing_is_sent()
    {
        var calls = app.Telegram.Emulator.Calls.Count;

        var notJson = await app.DeliverAsync("{not json");
        var noId = await app.DeliverAsync("""{"message":{"message_id":1,"date":1,"chat":{"id":5,"type":"private"},"text":"/start"}}""");

        Assert.Equal(400, notJson.Status);
        Assert.Equal(400, noId.Status);
        Assert.Equal("The body is not a Telegram Update with an update_id.", noId.Body.GetProperty("error").GetString());
        Assert.Equal(calls, app.Telegram.Emulator.Calls.Count);
    }

    internal static int MovieIdOf(string callbackData) => int.Parse(callbackData.Split(':')[1]);

    // Title, IMDb page, then the reason sentence.
    [GeneratedRegex(@"\A.+\nhttps://www\.imdb\.com/title/tt\d{7,8}/\n\d+ of the 35 people whose taste is closest to yours rated it.+\z")]
    private static partial Regex RecommendationMessage();
}
