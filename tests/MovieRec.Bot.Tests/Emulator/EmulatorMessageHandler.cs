using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace MovieRec.Bot.Tests.Emulator;

/// <summary>The emulator behind an HttpClient without a socket, for tests of the update handler alone.</summary>
public sealed partial class EmulatorMessageHandler(BotApiEmulator emulator) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = PathPattern().Match(request.RequestUri!.AbsolutePath);
        if (!path.Success)
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound);
        }

        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var (status, json) = await emulator.HandleAsync(
            path.Groups["token"].Value,
            path.Groups["method"].Value,
            BotApiParameters.Parse(request.Content?.Headers.ContentType?.ToString(), body, request.RequestUri.Query),
            cancellationToken);
        return new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
    }

    [GeneratedRegex(@"\A/bot(?<token>[^/]+)/(?<method>[A-Za-z]+)\z")]
    private static partial Regex PathPattern();
}
