using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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
    public void A_fixed_percentage_asked_for_with_opentelemetrys_settings_replaces_the_five_traces_a_second()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/",
            ["OTEL_TRACES_SAMPLER"] = "microsoft.fixed_percentage",
            ["OTEL_TRACES_SAMPLER_ARG"] = "1.0",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddMovieRecTelemetry(configuration);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Azure.Monitor.OpenTelemetry.AspNetCore.AzureMonitorOptions>>().CurrentValue;

        Assert.Null(options.TracesPerSecond);
        Assert.Equal(1.0f, options.SamplingRatio);
    }

    [Fact]
    public async Task Requests_and_dependencies_reach_application_insights_without_the_token()
    {
        await using var ingestion = await IngestionServer.StartAsync();
        await using var azurite = await Azurite.StartAsync();
        await using var telegram = await EmulatorServer.StartAsync();
        await using var host = await StandaloneHost.StartAsync(TelemetryHostSettings.For(azurite, telegram, ingestion));

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

    [Fact]
    public void A_table_entitys_keys_a_key_filter_and_any_query_string_are_scrubbed_from_what_is_exported()
    {
        using var call = new Activity("PUT movierecchanges(PartitionKey='2026112512',RowKey='chat-4711')");
        call.SetTag("url.full", "http://127.0.0.1:10002/devstoreaccount1/movierecchanges(PartitionKey=%272026112512%27,RowKey=%27chat-4711%27)?timeout=5");
        call.SetTag("http.url", "https://acct.table.core.windows.net/movierecusers()?$filter=PartitionKey%20eq%20%27chat-4711%27&$select=RowKey");
        call.SetTag("url.query", "$filter=PartitionKey%20eq%20%27chat-4711%27");
        call.SetTag("db.statement", "PartitionKey eq 'chat-4711' and RowKey ge 'rating-'");
        call.SetTag("http.response.status_code", 204);

        new ChatIdScrubber().OnEnd(call);

        Assert.Equal("PUT movierecchanges([keys])", call.DisplayName);
        Assert.Equal("http://127.0.0.1:10002/devstoreaccount1/movierecchanges([keys])", call.GetTagItem("url.full"));
        Assert.Equal("https://acct.table.core.windows.net/movierecusers()", call.GetTagItem("http.url"));
        Assert.Null(call.GetTagItem("url.query"));
        Assert.Equal("PartitionKey eq '[key]' and RowKey ge '[key]'", call.GetTagItem("db.statement"));
        Assert.Equal(204, call.GetTagItem("http.response.status_code"));
    }

    [Fact]
    public void The_token_scrubber_starts_from_the_url_the_instrumentation_redacted()
    {
        using var call = new Activity("HTTP GET");
        call.SetTag("url.full", $"https://api.telegram.org/bot{BotApiEmulator.Token}/getUpdates?offset=Redacted");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"https://api.telegram.org/bot{BotApiEmulator.Token}/getUpdates?offset=918273645501");

        BotTokenScrubber.Scrub(call, request);

        Assert.Equal("https://api.telegram.org/bot[token]/getUpdates?offset=Redacted", call.GetTagItem("url.full"));
    }

    private static bool Arrived(string received) =>
        received.Contains("RequestData", StringComparison.Ordinal)
        && received.Contains("/telegram/webhook", StringComparison.Ordinal)
        && received.Contains("bot[token]/sendMessage", StringComparison.Ordinal);
}
