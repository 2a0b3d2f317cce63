using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using MovieRec.Service;

namespace MovieRec.Bot;

/// <summary>The Mini App settings (docs/api.md).</summary>
public sealed class MiniAppOptions
{
    /// <summary>
    /// An hour: Telegram signs initData when the Mini App opens, and the page calls as it is used, so
    /// an hour covers a long session; a leaked initData (a log, a shared screen) is good for no longer.
    /// </summary>
    public static readonly TimeSpan DefaultAuthMaxAge = TimeSpan.FromHours(1);

    /// <summary>The longest MINIAPP_AUTH_MAX_AGE may be set to: a day, what Telegram's own examples allow.</summary>
    public static readonly TimeSpan LongestAuthMaxAge = TimeSpan.FromDays(1);

    /// <summary>How old a Mini App's signed initData may be, as written (a .NET TimeSpan); parsed into <see cref="AuthMaxAge"/> once.</summary>
    [ConfigurationKeyName("MINIAPP_AUTH_MAX_AGE")]
    public string? AuthMaxAgeSetting { get; set; }

    /// <summary>The public HTTPS address of /app, for the bot's /app button and its menu button; none: the Mini App is not offered.</summary>
    [ConfigurationKeyName("MINIAPP_URL")]
    public string? Url { get; set; }

    public bool HasUrl => !string.IsNullOrWhiteSpace(Url);

    public TimeSpan AuthMaxAge { get; set; } = DefaultAuthMaxAge;
}

/// <summary>Reads the sign-in's longest age from its setting, once.</summary>
internal sealed class MiniAppOptionsSetup : IPostConfigureOptions<MiniAppOptions>
{
    public void PostConfigure(string? name, MiniAppOptions options)
    {
        if (TimeSpanSetting.TryRead(options.AuthMaxAgeSetting, MiniAppOptions.DefaultAuthMaxAge, out var age))
        {
            options.AuthMaxAge = age;
        }
    }
}

/// <summary>A malformed MINIAPP_AUTH_MAX_AGE, or one longer than a day, stops the app at start with one line.</summary>
internal sealed class MiniAppOptionsValidation : IValidateOptions<MiniAppOptions>
{
    public ValidateOptionsResult Validate(string? name, MiniAppOptions options)
    {
        var failures = new List<string>();
        if (!(TimeSpanSetting.TryRead(options.AuthMaxAgeSetting, MiniAppOptions.DefaultAuthMaxAge, out var age) && age > TimeSpan.Zero && age <= MiniAppOptions.LongestAuthMaxAge))
        {
            failures.Add("MINIAPP_AUTH_MAX_AGE must be a time span above zero and at most a day (e.g. 01:00:00 for an hour, the default).");
        }

        // Telegram opens Mini Apps over HTTPS only.
        if (options.HasUrl && !(Uri.TryCreate(options.Url, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps))
        {
            failures.Add("MINIAPP_URL must be an https:// address (the deployed app's /app).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
