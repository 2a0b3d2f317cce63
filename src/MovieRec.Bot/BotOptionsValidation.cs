using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace MovieRec.Bot;

/// <summary>
/// Telegram settings that cannot work stop the app at start, with a line that names the setting
/// and never its value: a token not shaped like BotFather's, a secret Telegram would refuse, a
/// Bot API address that is not an http(s) URL. No token at all is fine: the bot endpoints answer 503.
/// </summary>
internal sealed partial class BotOptionsValidation : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        var failures = new List<string>();
        if (options.HasToken && !TokenPattern().IsMatch(options.Token!))
        {
            failures.Add("TELEGRAM_BOT_TOKEN is set but is not a bot token ('<bot id>:<secret>', as @BotFather gives it).");
        }

        if (!string.IsNullOrEmpty(options.WebhookSecret) && !WebhookRegistration.IsValidSecret(options.WebhookSecret))
        {
            failures.Add("TELEGRAM_WEBHOOK_SECRET must be 1-256 characters of A-Z, a-z, 0-9, _ and -.");
        }

        if (!Uri.TryCreate(options.ResolvedApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("https" or "http"))
        {
            failures.Add("TELEGRAM_API_BASE_URL must be an http(s) URL.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex(@"\A[0-9]{1,20}:[A-Za-z0-9_-]{20,}\z", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();
}
