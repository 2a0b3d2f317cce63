using MovieRec.Bot.Tests.Emulator;
using MovieRec.Testing;

namespace MovieRec.Bot.Tests;

/// <summary>
/// What the standalone host exports names no chat and holds no bot token. A class of its own,
/// started first: it waits for the exporters, and that wait runs beside the other tests.
/// </summary>
[StartFirst]
public class TelemetryPrivacyTests
{
    /// <summary>
    /// A chat rates, takes a rating back and is forgotten through the API, and another talks to the
    /// bot; of everything the host exports, nothing names either chat, nor holds the bot token.
    /// </summary>
    [Fact]
    public async Task Nothing_exported_names_a_chat_or_holds_the_bot_token()
    {
        const string apiChat = "privacyprobe7q3zx";
        const long botChat = 918273645501;
        await using var ingestion = await IngestionServer.StartAsync();
        await using var azurite = await Azurite.StartAsync();
        await using var telegram = await EmulatorServer.StartAsync();
        var settings = TelemetryHostSettings.For(azurite, telegram, ingestion);
        // Every trace exported (not 5 a second), so each call below is seen.
        settings["OTEL_TRACES_SAMPLER"] = "microsoft.fixed_percentage";
        settings["OTEL_TRACES_SAMPLER_ARG"] = "1.0";
        await using var host = await StandaloneHost.StartAsync(settings);

        var answers = new List<int>
        {
            (await host.PostAsync(
                "/telegram/webhook", telegram.Emulator.UserSends(botChat, "/start"), headers: new Dictionary<string, string> { ["X-Telegram-Bot-Api-Secret-Token"] = BotFixture.Secret })).Status,
            (await host.PostAsync("/register", new { chat_id = apiChat })).Status,
            (await host.PostAsync("/rate_movie", new { chat_id = apiChat, movie_id = 318, rating = 4.5 })).Status,
            (await host.PostAsync("/rate_movie", new { chat_id = apiChat, movie_id = 296, rating = 3 })).Status,
            (await host.PostAsync("/unrate_movie", new { chat_id = apiChat, movie_id = 318 })).Status,
            (await host.PostAsync("/forget", new { chat_id = apiChat })).Status,
        };
        // Exported in the order they end: once this last request is in, so is every span before it.
        using var health = await host.Client.GetAsync("/health");
        // A host that stops (SIGTERM) flushes its exporters, metrics too: what would otherwise
        // leave with the next minute's export leaves now, and the wait below covers everything
        // the host ever exports.
        await host.TerminateAsync();
        await ingestion.WhenReceived(received =>
            received.Contains("/health", StringComparison.Ordinal)
            && received.Contains("/forget", StringComparison.Ordinal)
            && received.Contains("movierecchanges", StringComparison.Ordinal)
            && received.Contains("bot[token]/sendMessage", StringComparison.Ordinal)).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.All(answers, status => Assert.Equal(200, status));
        var exported = ingestion.Received;
        Assert.DoesNotContain(apiChat, exported, StringComparison.Ordinal);
        Assert.DoesNotContain(botChat.ToString(System.Globalization.CultureInfo.InvariantCulture), exported, StringComparison.Ordinal);
        Assert.DoesNotContain(BotApiEmulatorToken.Secret, exported, StringComparison.Ordinal);
    }
}
