using Microsoft.Extensions.Options;
using MovieRec.Bot;

namespace MovieRec.Api;

/// <summary>
/// A host that serves the webhook with a bot token must check Telegram's secret, or anyone who finds
/// the URL can post updates as any chat. Registered by the hosts only: `movierec bot poll` needs no
/// webhook and so no secret.
/// </summary>
internal sealed class WebhookSecretRequired : IValidateOptions<BotOptions>
{
    public const string Failure =
        "TELEGRAM_BOT_TOKEN is set but TELEGRAM_WEBHOOK_SECRET is not: the webhook would take updates from anyone. Set a secret (and register it with `movierec bot set-webhook`), or run the bot with `movierec bot poll`.";

    public ValidateOptionsResult Validate(string? name, BotOptions options) =>
        options.HasToken && string.IsNullOrEmpty(options.WebhookSecret) ? ValidateOptionsResult.Fail(Failure) : ValidateOptionsResult.Success;
}
