using MovieRec.DataFiles;
using MovieRec.Testing;

namespace MovieRec.Api.Tests;

/// <summary>
/// Settings that cannot work stop the standalone host at start with one line that names them (and never a
/// secret): each setting checked in process (StartCheck), the process itself once for the line and the exit code.
/// </summary>
public class HostStartTests
{
    [Theory]
    [InlineData("TELEGRAM_BOT_TOKEN", "no-colon-here-but-a-secret-value-xyz", "TELEGRAM_BOT_TOKEN is set but is not a bot token")]
    [InlineData("TELEGRAM_BOT_TOKEN", "123456789:AAbbccddeeffgghhiijjkkllmmnn", "TELEGRAM_BOT_TOKEN is set but TELEGRAM_WEBHOOK_SECRET is not")]
    [InlineData("TELEGRAM_WEBHOOK_SECRET", "spaces are not allowed", "TELEGRAM_WEBHOOK_SECRET must be 1-256 characters")]
    [InlineData("API_KEYS", "long-enough-key-0123456789,short-key", "API_KEYS: every key must be at least 16 characters")]
    [InlineData("MOVIELENS_DIR", "/no/such/folder", "MOVIELENS_DIR: /no/such/folder has no movies.csv, links.csv, ratings.csv")]
    [InlineData("TELEGRAM_API_BASE_URL", "ftp://bot-api", "TELEGRAM_API_BASE_URL must be an http(s) URL")]
    [InlineData("MODEL_REFRESH_INTERVAL", "every five minutes", "MODEL_REFRESH_INTERVAL is not a time span of a second or more")]
    [InlineData("MODEL_REFRESH_INTERVAL", "-00:05:00", "MODEL_REFRESH_INTERVAL is not a time span of a second or more")]
    [InlineData(
        "RATINGS_STORAGE",
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=c2VjcmV0LWtleQ==;TableEndpoint=http://127.0.0.1:1/devstoreaccount1;",
        "RATINGS_STORAGE names a TableEndpoint but no BlobEndpoint")]
    public void A_setting_that_cannot_work_stops_the_host_with_one_line_naming_it(string setting, string value, string expected)
    {
        var line = StartCheck.FailureWith(new Dictionary<string, string?> { [setting] = value });

        Assert.NotNull(line);
        Assert.DoesNotContain('\n', line);
        Assert.StartsWith("MovieRec cannot start: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        if (setting is "TELEGRAM_BOT_TOKEN" or "RATINGS_STORAGE" or "API_KEYS")
        {
            Assert.DoesNotContain(setting == "RATINGS_STORAGE" ? "c2VjcmV0LWtleQ==" : value.Split(',')[^1], line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_host_process_prints_the_start_checks_line_alone_and_exits_with_1()
    {
        var (exitCode, output) = await RunUntilExitAsync(new Dictionary<string, string> { ["API_KEYS"] = "long-enough-key-0123456789,short-key" });

        Assert.Equal(1, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal(StartCheck.FailureWith(new Dictionary<string, string?> { ["API_KEYS"] = "long-enough-key-0123456789,short-key" }), line);
        Assert.DoesNotContain("short-key", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Movielens_files_that_cannot_be_read_stop_the_host_with_a_critical_line_and_exit_code_1()
    {
        var folder = Directory.CreateTempSubdirectory("movierec-damaged-").FullName;
        try
        {
            foreach (var file in DataFiles.MovieLensReader.RequiredFiles)
            {
                File.Copy(Path.Combine(Repository.MovieLensFolder, file), Path.Combine(folder, file));
            }

            File.AppendAllText(Path.Combine(folder, "ratings.csv"), "not,a,rating\n");

            var (exitCode, output) = await RunUntilExitAsync(new Dictionary<string, string> { ["MOVIELENS_DIR"] = folder });

            Assert.Equal(1, exitCode);
            Assert.Contains("crit: MovieRec.Service.MovieLensWarmup", output, StringComparison.Ordinal);
            Assert.Contains("MovieLens could not be loaded; stopping", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Starts the standalone host with these settings and waits (at most 30 s) for it to stop on its own.</summary>
    private static async Task<(int ExitCode, string Output)> RunUntilExitAsync(IReadOnlyDictionary<string, string> settings)
    {
        var output = new ProcessOutput();
        using var process = AppProcess.Start(
            "MovieRec.Host", "MovieRec.Host.dll", ["--urls", $"http://127.0.0.1:{FreePort.Next()}"], settings, Repository.OutputOf("MovieRec.Host"), output);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, output.Text);
    }
}
