using System.Text.Json;
using MovieRec.Bot.Tests.Emulator;
using MovieRec.Storage;
using MovieRec.Testing;

namespace MovieRec.Bot.Tests;

/// <summary>
/// Azurite, the Bot API emulator on loopback, and the standalone host process configured with the
/// bot token, the webhook secret and TELEGRAM_API_BASE_URL pointing at the emulator. Tests post
/// real Update JSON to /telegram/webhook, as Telegram does.
/// </summary>
public sealed class BotFixture : IAsyncLifetime, IAsyncDisposable
{
    public const string Secret = "e2e_webhook-Secret42";

    private readonly bool _withToken;

    public BotFixture()
        : this(withToken: true)
    {
    }

    private BotFixture(bool withToken) => _withToken = withToken;

    /// <summary>A fixture for one test (<c>await using</c>); without a token the host has no TELEGRAM_BOT_TOKEN at all.</summary>
    public static async Task<BotFixture> StartAsync(bool withToken)
    {
        var fixture = new BotFixture(withToken);
        await fixture.InitializeAsync();
        return fixture;
    }

    public Azurite Azurite { get; private set; } = null!;

    public EmulatorServer Telegram { get; private set; } = null!;

    public StandaloneHost Host { get; private set; } = null!;

    /// <summary>The ratings as stored, read straight from Azurite.</summary>
    public TableRatingStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Azurite = await Azurite.StartAsync();
        Telegram = await EmulatorServer.StartAsync();
        var settings = new Dictionary<string, string>
        {
            ["RATINGS_STORAGE"] = Azurite.ConnectionString,
            ["TELEGRAM_WEBHOOK_SECRET"] = Secret,
            ["TELEGRAM_API_BASE_URL"] = Telegram.BaseUrl,
            // Loud on purpose: if a request URL (which carries the token) were logged, it would show.
            ["Logging__LogLevel__System.Net.Http.HttpClient"] = "Trace",
        };
        if (_withToken)
        {
            settings["TELEGRAM_BOT_TOKEN"] = BotApiEmulator.Token;
        }

        Host = await StandaloneHost.StartAsync(settings);
        Store = StoreFor.Azurite(Azurite);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Telegram.DisposeAsync();
        await Azurite.DisposeAsync();
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    /// <summary>Posts an update to the webhook with the secret header (or the one given; null sends none).</summary>
    public Task<(int Status, JsonElement Body)> DeliverAsync(string update, string? secret = Secret) =>
        Host.PostAsync(
            "/telegram/webhook",
            update,
            headers: secret is null ? null : new Dictionary<string, string> { ["X-Telegram-Bot-Api-Secret-Token"] = secret });

    public async Task<(int Status, JsonElement Body)> UserSendsAsync(long chatId, string text) =>
        await DeliverAsync(Telegram.Emulator.UserSends(chatId, text));

    /// <summary>Presses a button under the bot's latest question in the chat, through the webhook.</summary>
    public async Task<(int Status, JsonElement Body)> UserPressesAsync(long chatId, string label)
    {
        var question = Telegram.Emulator.BotMessages(chatId).Last(m => m.Buttons.Count > 0);
        return await DeliverAsync(Telegram.Emulator.UserPresses(chatId, question.MessageId, label));
    }

    public IReadOnlyList<string?> Texts(long chatId) => Telegram.Emulator.BotMessages(chatId).Select(m => m.Text).ToList();

    public static long NewChatId() => Random.Shared.NextInt64(1_000_000, 9_000_000_000);
}
