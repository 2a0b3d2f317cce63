using Microsoft.Extensions.Options;
using MovieRec.Bot;

namespace MovieRec.Api;

/// <summary>
/// A host that serves the webhook with a bot token must check Telegram's secret, or anyone who finds
/// the URL can post updates as any chat; and the secret must be long enough not to be guessed (the
/// Bicep template asks the same 16 characters). Registered by the hosts only: `movierec bot poll`
/// needs no webhook and so no secret.
/// </summary>
internal sealed class WebhookSecretRequired : IValidateOptions<BotOptions>
{
    public const int MinimumLength = 16;

    public const string Failure =
        "TELEGRAM_BOT_TOKEN is set but TELEGRAM_WEBHOOK_SECRET is not: the webhook would take updates from anyone. Set a secret (and register it with `movierec bot set-webhook`), or run the bot with `movierec bot poll`.";

    public const string TooShort =
        "TELEGRAM_WEBHOOK_SECRET must be at least 16 characters (for example `openssl rand -hex 32`): a short secret can be guessed.";

    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.HasToken)
        {
            return ValidateOptionsResult.Success;
        }

        return string.IsNullOrEmpty(options.WebhookSecret) ? ValidateOptionsResult.Fail(Failure)
            : options.WebhookSecret.Length < MinimumLength ? ValidateOptionsResult.Fail(TooShort)
            : ValidateOptionsResult.Success;
    }
}
