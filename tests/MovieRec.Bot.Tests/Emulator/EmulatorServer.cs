using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using MovieRec.Testing;

namespace MovieRec.Bot.Tests.Emulator;

/// <summary>The emulator on a loopback port, answering /bot{token}/{method} as api.telegram.org does.</summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EmulatorServer(WebApplication app, BotApiEmulator emulator, string baseUrl)
    {
        _app = app;
        Emulator = emulator;
        BaseUrl = baseUrl;
    }

    public BotApiEmulator Emulator { get; }

    /// <summary>What TELEGRAM_API_BASE_URL is set to.</summary>
    public string BaseUrl { get; }

    public static async Task<EmulatorServer> StartAsync()
    {
        var emulator = new BotApiEmulator();
        var baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(baseUrl);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Map("/bot{token}/{method}", async (HttpContext context, string token, string method) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            var (status, json) = await emulator.HandleAsync(
                token, method, BotApiParameters.Parse(context.Request.ContentType, body, context.Request.QueryString.Value), context.RequestAborted);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(json, context.RequestAborted);
        });
        await app.StartAsync();
        return new EmulatorServer(app, emulator, baseUrl);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
