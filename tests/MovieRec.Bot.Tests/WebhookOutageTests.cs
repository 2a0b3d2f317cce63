using System.Net.Http.Json;

namespace MovieRec.Bot.Tests;

/// <summary>The webhook when something behind it is missing: the store, or the bot token. A fresh host per test.</summary>
public sealed class WebhookOutageTests
{
    [Fact]
    public async Task With_the_store_down_the_webhook_answers_503_and_sends_nothing_and_the_redelivery_is_handled_once()
    {
        await using var app = await BotFixture.StartAsync(withToken: true);
        var chat = BotFixture.NewChatId();
        var start = app.Telegram.Emulator.UserSends(chat, "/start");
        await app.Azurite.StopAsync();

        using var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook") { Content = new StringContent(start, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", BotFixture.Secret);
        using var refused = await app.Host.Client.SendAsync(request);

        Assert.Equal(503, (int)refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), refused.Headers.RetryAfter?.Delta);
        Assert.Contains("unreachable", (await refused.Content.ReadFromJsonAsync<Dictionary<string, string>>())!["error"], StringComparison.Ordinal);
        Assert.Empty(app.Texts(chat));

        await app.Azurite.StartAgainAsync();
        var retried = await app.DeliverAsync(start);
        var again = await app.DeliverAsync(start);

        Assert.Equal((200, "handled"), (retried.Status, retried.Body.GetProperty("status").GetString()));
        Assert.Equal("duplicate", again.Body.GetProperty("status").GetString());
        Assert.Equal(["Welcome!", BotTexts.English.HowToUse], app.Texts(chat));
    }

    [Fact]
    public async Task Without_a_token_the_webhook_answers_503_with_a_clear_error_and_the_api_keeps_working()
    {
        await using var app = await BotFixture.StartAsync(withToken: false);
        var chat = BotFixture.NewChatId();

        var (status, body) = await app.UserSendsAsync(chat, "/start");
        var register = await app.Host.PostAsync("/register", new { chat_id = "api-still-works" });

        Assert.Equal(503, status);
        Assert.Equal("The Telegram bot is not configured on this server: TELEGRAM_BOT_TOKEN is not set.", body.GetProperty("error").GetString());
        Assert.Empty(app.Telegram.Emulator.Calls);
        Assert.Equal((200, 0), (register.Status, register.Body.GetProperty("exists").GetInt32()));
    }
}
