using MovieRec.Bot.Tests.Emulator;
using MovieRec.Testing;

namespace MovieRec.Bot.Tests;

/// <summary>The standalone host's settings for the telemetry tests: the bot on the emulator, the store on Azurite, telemetry to the ingestion server only.</summary>
internal static class TelemetryHostSettings
{
    public static Dictionary<string, string> For(Azurite azurite, EmulatorServer telegram, IngestionServer ingestion) => new()
    {
        ["RATINGS_STORAGE"] = azurite.ConnectionString,
        ["TELEGRAM_BOT_TOKEN"] = BotApiEmulator.Token,
        ["TELEGRAM_API_BASE_URL"] = telegram.BaseUrl,
        ["TELEGRAM_WEBHOOK_SECRET"] = BotFixture.Secret,
        ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = ingestion.ConnectionString,
        // Statsbeat reports to a fixed Microsoft endpoint: off, so nothing leaves the machine.
        ["APPLICATIONINSIGHTS_STATSBEAT_DISABLED"] = "true",
    };
}
