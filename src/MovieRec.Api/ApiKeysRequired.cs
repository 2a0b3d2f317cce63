using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace MovieRec.Api;

/// <summary>
/// The standalone host without API_KEYS serves loopback callers only, which is only safe while
/// nothing but this machine can reach it. So it refuses to start without API_KEYS when it listens
/// beyond loopback (urls, ASPNETCORE_URLS, --urls, Kestrel endpoints), or when TELEGRAM_BOT_TOKEN or
/// MINIAPP_URL is set: Telegram reaches such a host from the internet, through a public address or
/// a reverse proxy on this machine, and behind a proxy every caller is "loopback". Registered by
/// the standalone host only (in Azure the Functions host checks its own keys).
/// </summary>
internal sealed class ApiKeysRequired(IConfiguration configuration) : IValidateOptions<ApiKeyOptions>
{
    /// <summary>Settings that mean Telegram reaches this host: the bot's webhook, the Mini App's page.</summary>
    private static readonly string[] ExposingSettings = ["TELEGRAM_BOT_TOKEN", "MINIAPP_URL"];

    public ValidateOptionsResult Validate(string? name, ApiKeyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.All.Count > 0)
        {
            return ValidateOptionsResult.Success;
        }

        if (ListenAddresses(configuration).FirstOrDefault(a => !IsLoopback(a)) is { } open)
        {
            return ValidateOptionsResult.Fail(
                $"API_KEYS is not set but the host listens on {open}, beyond this machine: anyone who reaches it could call the JSON routes. Set API_KEYS (keys of 16+ characters, for example `openssl rand -hex 32`), or listen on 127.0.0.1 only.");
        }

        // The settings as written: their own checks run beside this one, and may fail on their own.
        var exposedBy = ExposingSettings.FirstOrDefault(setting => !string.IsNullOrWhiteSpace(configuration[setting]));
        return exposedBy is null
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"API_KEYS is not set but {exposedBy} is: Telegram reaches this host from the internet, through a public address or a proxy, and behind a proxy every caller looks local. Set API_KEYS (keys of 16+ characters, for example `openssl rand -hex 32`).");
    }

    /// <summary>Where the host listens as configured; none means the host's default, 127.0.0.1:7071.</summary>
    internal static IEnumerable<string> ListenAddresses(IConfiguration configuration) =>
        (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>());

    /// <summary>localhost, or a loopback IP; "*", "+", 0.0.0.0, [::], any other name or address, and unix sockets are not.</summary>
    internal static bool IsLoopback(string url)
    {
        var address = BindingAddress.Parse(url);
        return !address.IsUnixPipe && !address.IsNamedPipe
            && (string.Equals(address.Host, "localhost", StringComparison.OrdinalIgnoreCase)
                || (IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)));
    }
}
