using MovieRec.Testing;

namespace MovieRec.Api.Tests;

/// <summary>Settings that cannot work stop the standalone host at start with one line that names them (and never a secret).</summary>
public class HostStartTests
{
    [Theory]
    [InlineData("TELEGRAM_BOT_TOKEN", "no-colon-here-but-a-secret-value-xyz", "TELEGRAM_BOT_TOKEN is set but is not a bot token")]
    [InlineData("TELEGRAM_WEBHOOK_SECRET", "spaces are not allowed", "TELEGRAM_WEBHOOK_SECRET must be 1-256 characters")]
    [InlineData("MOVIELENS_DIR", "/no/such/folder", "MOVIELENS_DIR: /no/such/folder has no movies.csv, links.csv, ratings.csv")]
    [InlineData("TELEGRAM_API_BASE_URL", "ftp://bot-api", "TELEGRAM_API_BASE_URL must be an http(s) URL")]
    public async Task A_setting_that_cannot_work_stops_the_host_with_one_line(string setting, string value, string expected)
    {
        var output = new ProcessOutput();
        using var process = AppProcess.Start(
            "MovieRec.Host", "MovieRec.Host.dll", ["--urls", $"http://127.0.0.1:{FreePort.Next()}"],
            new Dictionary<string, string> { [setting] = value }, Repository.OutputOf("MovieRec.Host"), output);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, process.ExitCode);
        var line = Assert.Single(output.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("MovieRec cannot start: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        if (setting == "TELEGRAM_BOT_TOKEN")
        {
            Assert.DoesNotContain(value, line, StringComparison.Ordinal);
        }
    }
}
