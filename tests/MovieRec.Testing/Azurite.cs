using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MovieRec.Testing;

/// <summary>
/// A real Azurite, its Table service (<c>azurite-table</c>) and Blob service (<c>azurite-blob</c>,
/// for the community snapshots) on free loopback ports, their data in a temp folder. It can be
/// stopped and started again on the same ports and folder, to test outages and persistence.
/// </summary>
public sealed class Azurite : IAsyncDisposable
{
    // Azurite's published development account; a fixed, public test credential.
    private const string DevAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly string _folder = Directory.CreateTempSubdirectory("movierec-azurite-").FullName;
    private readonly List<Process> _processes = [];
    private Process? _table;

    private Azurite(int tablePort, int blobPort)
    {
        TablePort = tablePort;
        BlobPort = blobPort;
    }

    public int TablePort { get; }

    public int BlobPort { get; }

    public string ConnectionString => ConnectionStringFor(TablePort, BlobPort);

    /// <summary>The connection string of an emulator on these ports, whether one listens there or not.</summary>
    public static string ConnectionStringFor(int tablePort, int blobPort) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevAccountKey};" +
        $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;";

    public static async Task<Azurite> StartAsync()
    {
        var azurite = new Azurite(FreePort.Next(), FreePort.Next());
        await azurite.StartAgainAsync();
        return azurite;
    }

    public async Task StartAgainAsync() =>
        await Task.WhenAll(StartServiceAsync("table", TablePort), StartServiceAsync("blob", BlobPort));

    private async Task StartServiceAsync(string service, int port)
    {
        var executable = Path.Combine(Repository.Root, "node_modules", ".bin", $"azurite-{service}");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"{executable} is missing: run scripts/install-tools.sh (npm ci).");
        }

        var start = new ProcessStartInfo(executable)
        {
            ArgumentList = { $"--{service}Host", "127.0.0.1", $"--{service}Port", port.ToString(), "--location", _folder, "--skipApiVersionCheck", "--disableProductStyleUrl", "--disableTelemetry" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start)!;
        lock (_processes)
        {
            _processes.Add(process);
            if (service == "table")
            {
                _table = process;
            }
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await FreePort.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(30), process);
    }

    /// <summary>
    /// Freezes the Table service (SIGSTOP): its port still accepts connections (the kernel does
    /// that), but nothing answers, as with a store that hangs. <see cref="ThawAsync"/> undoes it.
    /// </summary>
    public Task FreezeAsync() => SignalTableAsync("-STOP");

    public Task ThawAsync() => SignalTableAsync("-CONT");

    private async Task SignalTableAsync(string signal)
    {
        var table = _table ?? throw new InvalidOperationException("The Table service is not running.");
        using var kill = Process.Start("kill", [signal, table.Id.ToString()]);
        await kill.WaitForExitAsync();
    }

    /// <summary>
    /// Stops Azurite the way Ctrl-C does (SIGINT), so it writes its data out; a SIGKILL can lose
    /// the last seconds of writes, because Azurite saves its table database periodically.
    /// </summary>
    public async Task StopAsync()
    {
        await Task.WhenAll(_processes.Select(StopAsync));
        _processes.Clear();
        _table = null;
    }

    private static async Task StopAsync(Process process)
    {
        if (!process.HasExited)
        {
            // A frozen service (FreezeAsync) acts on no signal but this one.
            using (var thaw = Process.Start("kill", ["-CONT", process.Id.ToString()]))
            {
                await thaw.WaitForExitAsync();
            }

            using (var term = Process.Start("kill", ["-INT", process.Id.ToString()]))
            {
                await term.WaitForExitAsync();
            }

            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        process.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>Free loopback ports, and waiting for a server to listen on one.</summary>
public static class FreePort
{
    // Ports handed out in this test process: the OS may give a released port again, and two hosts
    // on one port let the second, which cannot bind, be taken for up by the first's answers.
    private static readonly HashSet<int> Given = [];

    public static int Next()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            lock (Given)
            {
                if (Given.Add(port))
                {
                    return port;
                }
            }
        }
    }

    public static async Task WaitUntilListeningAsync(int port, TimeSpan timeout, Process process)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{process.StartInfo.FileName} exited with {process.ExitCode} before listening on {port}.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"Nothing listened on port {port} within {timeout.TotalSeconds} s.");
    }
}
