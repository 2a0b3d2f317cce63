using System.Diagnostics;
using System.Text.Json;

namespace MovieRec.Testing;

/// <summary>
/// The standalone host as a real process (the build output of src/MovieRec.Host) on a free port,
/// with the settings a test gives it. Restartable, to test persistence.
/// </summary>
public sealed class StandaloneHost : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly ProcessOutput _output = new();
    private Process? _process;

    /// <summary>The API key given to a host with the bot or the Mini App when the test names none.</summary>
    public const string TestKey = "standalone-host-test-key-0123456789";

    private StandaloneHost(IReadOnlyDictionary<string, string> settings)
    {
        Port = FreePort.Next();
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}/"), Timeout = TimeSpan.FromSeconds(60) };
        // A host with the bot or the Mini App refuses to start without API_KEYS (docs/security.md):
        // a test that does not care gets one, and its client sends it on every request.
        if ((settings.ContainsKey("TELEGRAM_BOT_TOKEN") || settings.ContainsKey("MINIAPP_URL")) && !settings.ContainsKey("API_KEYS"))
        {
            settings = new Dictionary<string, string>(settings) { ["API_KEYS"] = TestKey };
            Client.DefaultRequestHeaders.Add("x-functions-key", TestKey);
        }

        _settings = settings;
    }

    public int Port { get; }

    public HttpClient Client { get; }

    /// <summary>What the host printed so far, over every start (for assertions that secrets are never logged).</summary>
    public string Output => _output.Text;

    public static async Task<StandaloneHost> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var host = new StandaloneHost(settings);
        await host.StartAgainAsync();
        return host;
    }

    public async Task StartAgainAsync()
    {
        var environment = new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Information" };
        foreach (var (key, value) in _settings)
        {
            environment[key] = value;
        }

        _process = AppProcess.Start(
            "MovieRec.Host", "MovieRec.Host.dll", ["--urls", $"http://127.0.0.1:{Port}"], environment, Repository.OutputOf("MovieRec.Host"), _output);
        await FreePort.WaitUntilListeningAsync(Port, TimeSpan.FromSeconds(60), _process);
    }

    public async Task StopAsync()
    {
        if (_process is not null)
        {
            await AppProcess.StopAsync(_process);
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>
    /// Stops the host as a container runtime or systemd does (SIGTERM) and waits for it to exit;
    /// its exit code. A host that has not exited after a minute is killed and the test fails.
    /// </summary>
    public async Task<int> TerminateAsync()
    {
        var process = _process ?? throw new InvalidOperationException("The host is not running.");
        using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        using var grace = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            await AppProcess.StopAsync(process);
            throw new TimeoutException("The host did not exit within a minute of SIGTERM.");
        }

        var exitCode = process.ExitCode;
        process.Dispose();
        _process = null;
        return exitCode;
    }

    /// <summary>POSTs a JSON body given as text (so tests can send anything) and returns status and parsed answer.</summary>
    public Task<(int Status, JsonElement Body)> PostAsync(
        string path, string json, string contentType = "application/json", IReadOnlyDictionary<string, string>? headers = null) =>
        Client.PostTextAsync(path, json, contentType, headers);

    public Task<(int Status, JsonElement Body)> PostAsync(string path, object body) => Client.PostObjectAsync(path, body);

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Client.Dispose();
    }
}
