using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;

namespace MovieRec.Benchmarks;

/// <summary>
/// Cold start, measured as a person meets it: from exec of the app to the first /recommend answered
/// (200) for a user with 10 ratings, the ratings store already up. Each run is a fresh process; the
/// first run only seeds the user. Prints every run and the median.
/// </summary>
internal static class ColdStart
{
    private static readonly int[] TenFilms = [1, 260, 1196, 1210, 2571, 589, 1240, 480, 32, 50];

    /// <param name="appPath">The host's .dll (started with dotnet) or its self-contained executable.</param>
    public static async Task<int> RunAsync(string appPath, int runs, int port)
    {
        appPath = Path.GetFullPath(appPath);
        var urls = new[] { "--urls", $"http://127.0.0.1:{port}" };
        var start = appPath.EndsWith(".dll", StringComparison.Ordinal)
            ? new ProcessStartInfo("dotnet", [appPath, .. urls])
            : new ProcessStartInfo(appPath, urls);
        start.WorkingDirectory = Path.GetDirectoryName(appPath)!;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
        var times = new List<double>();
        for (var run = 0; run <= runs; run++)
        {
            var clock = Stopwatch.StartNew();
            using var app = Process.Start(start)!;
            app.OutputDataReceived += (_, _) => { };
            app.ErrorDataReceived += (_, _) => { };
            app.BeginOutputReadLine();
            app.BeginErrorReadLine();
            // Wait for the port with cheap connects (polling with HTTP requests would take CPU from
            // the starting app on a 2-core machine), then ask until /recommend answers 200.
            while (!await ListeningAsync(port) || !await AnsweredAsync(http, "/recommend", new { chat_id = "cold-start", top_n = 3 }))
            {
                if (app.HasExited)
                {
                    throw new InvalidOperationException($"{appPath} exited with {app.ExitCode} before answering.");
                }

                await Task.Delay(5);
            }

            var elapsed = clock.Elapsed.TotalMilliseconds;
            if (run == 0)
            {
                await AnsweredAsync(http, "/register", new { chat_id = "cold-start" });
                foreach (var film in TenFilms)
                {
                    await AnsweredAsync(http, "/rate_movie", new { chat_id = "cold-start", movie_id = film, rating = 4.5 });
                }
            }
            else
            {
                times.Add(elapsed);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run}: {elapsed:0} ms"));
            }

            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync();
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median of {runs}: {times[times.Count / 2]:0} ms (min {times[0]:0}, max {times[^1]:0})"));
        return 0;
    }

    private static async Task<bool> ListeningAsync(int port)
    {
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(System.Net.IPAddress.Loopback, port);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    private static async Task<bool> AnsweredAsync(HttpClient http, string path, object body)
    {
        try
        {
            using var answer = await http.PostAsJsonAsync(path, body);
            return answer.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
