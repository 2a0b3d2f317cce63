using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MovieRec.Bot.Tests.Emulator;
using MovieRec.Storage;
using MovieRec.Testing;

namespace MovieRec.Bot.Tests;

/// <summary>
/// The webhook in process: the standalone host's own Program on the in-memory stores (ratings and
/// update ledger, each held to its Azure twin's contract suite), its bot talking to the Bot API
/// emulator on loopback. No Azurite and no process: the webhook's own rules, fast.
/// </summary>
public sealed class InProcessWebhookTests : IAsyncLifetime
{
    private const string Secret = "in-process_webhook-Secret42";
    private const long Ada = 5150;

    private readonly InMemoryRatingStore _store = new();
    private readonly InMemoryUpdateLedger _ledger = new();
    private EmulatorServer _telegram = null!;
    private WebApplicationFactory<Program> _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _telegram = await EmulatorServer.StartAsync();
        _app = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("MOVIELENS_DIR", Repository.MovieLensFolder);
            builder.UseSetting("MODEL_REFRESH_INTERVAL", "00:00:00");
            builder.UseSetting("TELEGRAM_BOT_TOKEN", BotApiEmulator.Token);
            // A host with the bot refuses to start without API_KEYS (docs/security.md).
            builder.UseSetting("API_KEYS", "in-process-webhook-test-key-0123");
            builder.UseSetting("TELEGRAM_WEBHOOK_SECRET", Secret);
            builder.UseSetting("TELEGRAM_API_BASE_URL", _telegram.BaseUrl);
            builder.ConfigureServices(services =>
            {
                services.AddSingleton<IRatingStore>(_store);
                services.AddSingleton<IUpdateLedger>(_ledger);
                services.AddSingleton<IModelSnapshots>(new InMemoryModelSnapshots());
            });
        });
        _client = _app.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await _telegram.DisposeAsync();
    }

    [Fact]
    public async Task An_update_delivered_twice_is_acted_on_once_and_the_second_answered_duplicate()
    {
        var start = _telegram.Emulator.UserSends(Ada, "/start");

        var first = await DeliverAsync(start);
        var again = await DeliverAsync(start);

        Assert.Equal((200, "handled"), first);
        Assert.Equal((200, "duplicate"), again);
        Assert.Equal(["Welcome!"], _telegram.Emulator.BotMessages(Ada).Select(m => m.Text).Take(1));
        Assert.Equal(2, _telegram.Emulator.BotMessages(Ada).Count);
        Assert.NotNull(await _store.GetRatingsAsync("5150", CancellationToken.None));
    }

    [Fact]
    public async Task A_rating_press_is_stored_and_answered_with_the_next_film()
    {
        await DeliverAsync(_telegram.Emulator.UserSends(Ada, "/rate"));
        var question = _telegram.Emulator.BotMessages(Ada)[^1];
        var movieId = int.Parse(question.Buttons[0].Data!.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);

        var pressed = await DeliverAsync(_telegram.Emulator.UserPresses(Ada, question.MessageId, "4"));

        Assert.Equal((200, "handled"), pressed);
        Assert.Equal(4, (await _store.GetRatingsAsync("5150", CancellationToken.None))!.StarsByMovie[movieId]);
        Assert.Equal("How do you rate this movie?", _telegram.Emulator.BotMessages(Ada)[^1].Text);
        Assert.NotEqual(question.MessageId, _telegram.Emulator.BotMessages(Ada)[^1].MessageId);
    }

    [Fact]
    public async Task A_wrong_secret_is_refused_and_claims_nothing()
    {
        var update = _telegram.Emulator.UserSends(Ada, "/start");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook") { Content = new StringContent(update, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", "not-the-secret");

        using var refused = await _client.SendAsync(request);

        Assert.Equal(401, (int)refused.StatusCode);
        Assert.Empty(_telegram.Emulator.BotMessages(Ada));
        Assert.Equal((200, "handled"), await DeliverAsync(update));
    }

    private async Task<(int Status, string? Outcome)> DeliverAsync(string update)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook") { Content = new StringContent(update, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", Secret);
        using var response = await _client.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return ((int)response.StatusCode, body.TryGetProperty("status", out var status) ? status.GetString() : null);
    }
}
