
namespace MovieRec.Api.Tests;

/// <summary>
/// Settings the standalone host refuses to start with, checked in process: the services built as
/// the host builds them, and the one line <see cref="SettingsCheck"/> prints (HostStartTests runs the
/// host process for the line and the exit code).
/// </summary>
public sealed class StartRefusalTests
{
    private const string Token = "123456789:AAbbccddeeffgghhiijjkkllmmnnooppqq";
    private const string Secret = "start-refusal-secret-0123";
    private const string Key = "start-refusal-key-0123456789";

    [Theory]
    [InlineData("http://0.0.0.0:7071")]
    [InlineData("http://*:7071")]
    [InlineData("http://+:8080")]
    [InlineData("http://[::]:7071")]
    [InlineData("http://192.168.1.20:7071")]
    [InlineData("http://movierec.example:80")]
    [InlineData("http://127.0.0.1:7071;http://0.0.0.0:7072")]
    [InlineData("http://unix:/run/movierec.sock")]
    public void Without_api_keys_a_host_listening_beyond_loopback_does_not_start(string urls)
    {
        var failure = FailureWith(new() { ["urls"] = urls });

        Assert.StartsWith("MovieRec cannot start: API_KEYS is not set but the host listens on ", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kestrel_endpoint_beyond_loopback_counts_as_listening_there()
    {
        Assert.Contains("listens on http://0.0.0.0:80", FailureWith(new() { ["Kestrel:Endpoints:Http:Url"] = "http://0.0.0.0:80" }), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("http://127.0.0.1:7071")]
    [InlineData("http://localhost:5000")]
    [InlineData("http://[::1]:7071;http://127.0.0.2:7072")]
    public void Without_api_keys_a_host_on_loopback_only_starts(string? urls)
    {
        Assert.Null(FailureWith(new() { ["urls"] = urls }));
    }

    [Theory]
    [InlineData("TELEGRAM_BOT_TOKEN")]
    [InlineData("MINIAPP_URL")]
    public void Without_api_keys_a_host_telegram_reaches_does_not_start_even_on_loopback(string setting)
    {
        var settings = new Dictionary<string, string?> { ["urls"] = "http://127.0.0.1:7071" };
        if (setting == "TELEGRAM_BOT_TOKEN")
        {
            settings["TELEGRAM_BOT_TOKEN"] = Token;
            settings["TELEGRAM_WEBHOOK_SECRET"] = Secret;
        }
        else
        {
            settings["MINIAPP_URL"] = "https://movierec.example/app";
        }

        var failure = FailureWith(settings);

        Assert.Equal($"MovieRec cannot start: API_KEYS is not set but {setting} is: Telegram reaches this host from the internet, through a public address or a proxy, and behind a proxy every caller looks local. Set API_KEYS (keys of 16+ characters, for example `openssl rand -hex 32`).", failure);
        Assert.DoesNotContain(Token, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void With_api_keys_a_host_may_listen_anywhere_with_the_bot_and_the_mini_app()
    {
        Assert.Null(FailureWith(new()
        {
            ["urls"] = "http://0.0.0.0:7071",
            ["API_KEYS"] = Key,
            ["TELEGRAM_BOT_TOKEN"] = Token,
            ["TELEGRAM_WEBHOOK_SECRET"] = Secret,
            ["MINIAPP_URL"] = "https://movierec.example/app",
        }));
    }

    [Fact]
    public async Task The_standalone_host_itself_runs_the_check_and_does_not_start()
    {
        var settings = new Dictionary<string, string> { ["TELEGRAM_BOT_TOKEN"] = Token, ["TELEGRAM_WEBHOOK_SECRET"] = Secret };
        await using var refused = InProcessApi.With(settings);
        await using var keyed = InProcessApi.With(new Dictionary<string, string>(settings) { ["API_KEYS"] = Key });

        // Program prints the line and returns before it runs the app: the test server never starts.
        var failure = Assert.ThrowsAny<InvalidOperationException>(() => refused.Client);
        var health = await keyed.Client.GetAsync("/health");

        Assert.Contains("has not been started", failure.Message, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
    }

    [Theory]
    [InlineData("short-secret")]
    [InlineData("fifteen-chars-x")]
    public void A_webhook_secret_under_16_characters_does_not_start_a_host_with_the_bot(string secret)
    {
        var failure = FailureWith(new() { ["API_KEYS"] = Key, ["TELEGRAM_BOT_TOKEN"] = Token, ["TELEGRAM_WEBHOOK_SECRET"] = secret });

        Assert.Equal($"MovieRec cannot start: {WebhookSecretRequired.TooShort}", failure);
        Assert.DoesNotContain(secret, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_webhook_secret_of_16_characters_starts()
    {
        Assert.Null(FailureWith(new() { ["API_KEYS"] = Key, ["TELEGRAM_BOT_TOKEN"] = Token, ["TELEGRAM_WEBHOOK_SECRET"] = "sixteen-chars-xy" }));
    }

    [Theory]
    [InlineData("1.00:00:01")]
    [InlineData("2.00:00:00")]
    [InlineData("00:00:00")]
    [InlineData("an hour")]
    public void A_mini_app_sign_in_age_over_a_day_or_not_positive_does_not_start(string age)
    {
        Assert.Equal(
            "MovieRec cannot start: MINIAPP_AUTH_MAX_AGE must be a time span above zero and at most a day (e.g. 01:00:00 for an hour, the default).",
            FailureWith(new() { ["MINIAPP_AUTH_MAX_AGE"] = age }));
    }

    [Theory]
    [InlineData("1.00:00:00")]
    [InlineData("00:05:00")]
    public void A_mini_app_sign_in_age_up_to_a_day_starts(string age)
    {
        Assert.Null(FailureWith(new() { ["MINIAPP_AUTH_MAX_AGE"] = age }));
    }

    private static string? FailureWith(Dictionary<string, string?> settings) => StartCheck.FailureWith(settings);
}
