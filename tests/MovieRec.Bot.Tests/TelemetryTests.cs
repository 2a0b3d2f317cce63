using System.Diagnostics;
using MovieRec.Bot.Tests.Emulator;
using MovieRec.Telemetry;
using MovieRec.Testing;

namespace MovieRec.Bot.Tests;

/// <summary>With APPLICATIONINSIGHTS_CONNECTION_STRING set, the standalone host sends its telemetry there, and never the bot token.</summary>
public class TelemetryTests
{
    [Fact]
    public void A_bot_api_url_loses_its_token()
    {
        Assert.Equal(
            "https://api.telegram.org/bot[token]/sendMessage?chat_id=1",
            BotApiUrl.Redacted($"https://api.telegram.org/bot{BotApiEmulator.Token}/sendMessage?chat_id=1"));
        Assert.Equal("https://api.telegram.org/file/bot[token]/photos/1.jpg", BotApiUrl.Redacted("https://api.telegram.org/file/bot123:abc-DEF_g/photos/1.jpg"));
    }

    [Fact]
    public void Both_hosts_record_a_bot_api_call_with_the_token_taken_out_of_its_url()
    {
        using var call = new Activity("HTTP POST");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"https://api.telegram.org/bot{BotApiEmulator.Token}/sendMessage");

        BotTokenScrubber.Scrub(call, request);

        Assert.Equal("https://api.telegram.org/bot[token]/sendMessage", call.GetTagItem("url.full"));
    }

    [Fact]
    public async Task Requests_and_dependencies_reach_application_insights_without_the_token()
    {
        await using var ingestion = await IngestionServer.StartAsync();
        await using var azurite = await Azurite.StartAsync();
        await using var telegram = await EmulatorServer.StartAsync();
        await using var host = await StandaloneHost.StartAsync(new Dictionary<string, string>
        {
            ["RATINGS_STORAGE"] = azurite.ConnectionString,
            ["TELEGRAM_BOT_TOKEN"] = BotApiEmulator.Token,
            ["TELEGRAM_API_BASE_URL"] = telegram.BaseUrl,
            ["TELEGRAM_WEBHOOK_SECRET"] = BotFixture.Secret,
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = ingestion.ConnectionString,
            // Statsbeat reports to a fixed Microsoft endpoint: off, so nothing leaves the machine.
            ["APPLICATIONINSIGHTS_STATSBEAT_DISABLED"] = "true",
        });

        // Traces are exported in batches every few seconds, and sampled (at most 5 traces a second
        // by default): updates keep coming, as in real use, until one has arrived whole.
        var until = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (!Arrived(ingestion.Received) && DateTime.UtcNow < until)
        {
            var (status, _) = await host.PostAsync(
                "/telegram/webhook", telegram.Emulator.UserSends(4242, "/start"), headers: new Dictionary<string, string> { ["X-Telegram-Bot-Api-Secret-Token"] = BotFixture.Secret });
            Assert.Equal(200, status);
            await host.PostAsync("/register", new { chat_id = "telemetry" });
            await Task.Delay(1000);
        }

        Assert.True(Arrived(ingestion.Received));
        Assert.DoesNotContain(BotApiEmulatorToken.Secret, ingestion.Received, StringComparison.Ordinal);
    }

    private static bool Arrived(string received) =>
        received.Contains("RequestData", StringComparison.Ordinal)
        && received.Contains("/telegram/webhook", StringComparison.Ordinal)
        && received.Contains("bot[token]/sendMessage", StringComparison.Ordinal);
}
