using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MovieRec.Bot.Tests.Emulator;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace MovieRec.Bot.Tests;

/// <summary>
/// The update handler wired as the hosts wire it (AddMovieRecBot), with the Bot API answered by the
/// emulator in memory and the MovieRec API by <see cref="FakeMovieRecApi"/>.
/// </summary>
internal sealed class Conversation : IDisposable
{
    private readonly ServiceProvider _services;

    public Conversation()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["TELEGRAM_BOT_TOKEN"] = BotApiEmulator.Token,
                ["TELEGRAM_API_BASE_URL"] = "http://bot-api.invalid",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(Log));
        services.AddMovieRecBot(configuration);
        services.AddHttpClient(nameof(ITelegramBotClient)).ConfigurePrimaryHttpMessageHandler(() => new EmulatorMessageHandler(Telegram));
        services.AddSingleton<IMovieRecApi>(Api);
        _services = services.BuildServiceProvider();
    }

    public BotApiEmulator Telegram { get; } = new();

    public FakeMovieRecApi Api { get; } = new();

    public RecordingLogger Log { get; } = new();

    /// <summary>Delivers an update, read from Telegram's JSON exactly as the webhook reads it.</summary>
    public async Task DeliverAsync(string updateJson)
    {
        var update = JsonSerializer.Deserialize<Update>(updateJson, JsonBotAPI.Options)!;
        await _services.GetRequiredService<UpdateHandler>().HandleAsync(update, CancellationToken.None);
    }

    public Task UserSendsAsync(long chatId, string text) => DeliverAsync(Telegram.UserSends(chatId, text));

    /// <summary>Presses a button of the bot's latest message that has buttons.</summary>
    public Task UserPressesAsync(long chatId, string label)
    {
        var question = Telegram.BotMessages(chatId).Last(m => m.Buttons.Count > 0);
        return DeliverAsync(Telegram.UserPresses(chatId, question.MessageId, label));
    }

    public IReadOnlyList<string?> Texts(long chatId) => Telegram.BotMessages(chatId).Select(m => m.Text).ToList();

    public void Dispose() => _services.Dispose();
}
