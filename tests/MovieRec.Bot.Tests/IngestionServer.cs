using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using MovieRec.Testing;

namespace MovieRec.Bot.Tests;

/// <summary>
/// A stand-in for Application Insights' ingestion (and live metrics) endpoint on loopback: it keeps
/// every telemetry payload the app sends, unzipped, so a test can read what would leave the process.
/// </summary>
public sealed class IngestionServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<string> _payloads = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource Arrived)> _waiting = [];

    private IngestionServer(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    /// <summary>A connection string that sends everything here (ingestion and live metrics).</summary>
    public string ConnectionString =>
        $"InstrumentationKey=11111111-2222-3333-4444-555555555555;IngestionEndpoint={BaseUrl}/;LiveEndpoint={BaseUrl}/";

    public string Received
    {
        get
        {
            lock (_payloads)
            {
                return string.Join('\n', _payloads);
            }
        }
    }

    /// <summary>Completes once everything received so far, taken together, matches <paramref name="match"/>.</summary>
    public Task WhenReceived(Func<string, bool> match)
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_payloads)
        {
            _waiting.Add((match, arrived));
        }

        Check();
        return arrived.Task;
    }

    private void Check()
    {
        var received = Received;
        lock (_payloads)
        {
            foreach (var (match, arrived) in _waiting.Where(w => w.Match(received)).ToList())
            {
                arrived.TrySetResult();
                _waiting.Remove((match, arrived));
            }
        }
    }

    public static async Task<IngestionServer> StartAsync()
    {
        var baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(baseUrl);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new IngestionServer(app, baseUrl);
        app.Run(async context =>
        {
            var body = context.Request.Headers.ContentEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase)
                ? new GZipStream(context.Request.Body, CompressionMode.Decompress)
                : context.Request.Body;
            using var reader = new StreamReader(body);
            var text = await reader.ReadToEndAsync(context.RequestAborted);
            lock (server._payloads)
            {
                server._payloads.Add($"{context.Request.Path} {text}");
            }

            server.Check();

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"itemsReceived\":0,\"itemsAccepted\":0,\"errors\":[]}", context.RequestAborted);
        });
        await app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
