using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace MovieRec.Bot;

/// <summary>Points Telegram at the deployed webhook: URL, secret, the update types the bot reads, its command list (one per language), and (with MINIAPP_URL) the menu button that opens the Mini App.</summary>
public sealed partial class WebhookRegistration(ITelegramBotClient bot, IOptions<MiniAppOptions> miniApp)
{
    public async Task RegisterAsync(Uri url, string? secret, CancellationToken cancellationToken)
    {
        if (url.Scheme != Uri.UriSchemeHttps && !url.IsLoopback)
        {
            throw new ArgumentException($"Telegram only calls HTTPS webhooks; got {url.Scheme}.", nameof(url));
        }

        if (secret is not null && !IsValidSecret(secret))
        {
            throw new ArgumentException("The webhook secret must be 1-256 characters of A-Z, a-z, 0-9, _ and -.", nameof(secret));
        }

        await bot.SetWebhook(
            url.ToString(),
            allowedUpdates: BotCommandList.AllowedUpdates,
            secretToken: secret,
            cancellationToken: cancellationToken);
        await BotCommandList.RegisterAsync(bot, cancellationToken);

        if (miniApp.Value.HasUrl)
        {
            // Every chat's menu button opens the Mini App; setChatMenuButton has no language, so its label is English.
            await bot.SetChatMenuButton(menuButton: new MenuButtonWebApp { Text = BotTexts.English.OpenMiniAppButton, WebApp = new WebAppInfo(miniApp.Value.Url!) }, cancellationToken: cancellationToken);
        }
    }

    public static bool IsValidSecret(string secret) => SecretPattern().IsMatch(secret);

    [GeneratedRegex(@"\A[A-Za-z0-9_-]{1,256}\z", RegexOptions.CultureInvariant)]
    private static partial Regex SecretPattern();
}
