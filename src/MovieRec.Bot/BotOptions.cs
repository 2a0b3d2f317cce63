using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace MovieRec.Bot;

/// <summary>The Telegram settings (docs/api.md).</summary>
public sealed class BotOptions
{
    public const string DefaultApiBaseUrl = "https://api.telegram.org";

    /// <summary>The token from BotFather. A secret: never logged, never part of an answer.</summary>
    [ConfigurationKeyName("TELEGRAM_BOT_TOKEN")]
    public string? Token { get; set; }

    /// <summary>The secret registered with setWebhook; Telegram echoes it in X-Telegram-Bot-Api-Secret-Token.</summary>
    [ConfigurationKeyName("TELEGRAM_WEBHOOK_SECRET")]
    public string? WebhookSecret { get; set; }

    [ConfigurationKeyName("TELEGRAM_API_BASE_URL")]
    public string? ApiBaseUrl { get; set; }

    public bool HasToken => !string.IsNullOrWhiteSpace(Token);

    public string ResolvedApiBaseUrl => string.IsNullOrWhiteSpace(ApiBaseUrl) ? DefaultApiBaseUrl : ApiBaseUrl;

    /// <summary>The bot's numeric id: the part of the token before ':' (public, unlike the rest).</summary>
    public long BotId =>
        Token is { } token && token.IndexOf(':', StringComparison.Ordinal) is var colon and > 0
        && long.TryParse(token.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new InvalidOperationException("TELEGRAM_BOT_TOKEN is not a bot token of the form '<bot id>:<secret>'.");

    // Options objects end up in debugger views and log scopes; keep the token out of them.
    public override string ToString() =>
        $"BotOptions {{ Token = {(HasToken ? "(set)" : "(none)")}, WebhookSecret = {(string.IsNullOrEmpty(WebhookSecret) ? "(none)" : "(set)")}, ApiBaseUrl = {ResolvedApiBaseUrl} }}";
}
