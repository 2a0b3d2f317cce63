using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using MovieRec.Service;

namespace MovieRec.Bot;

/// <summary>The Mini App settings (docs/api.md).</summary>
public sealed class MiniAppOptions
{
    public static readonly TimeSpan DefaultAuthMaxAge = TimeSpan.FromDays(1);

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

/// <summary>A malformed MINIAPP_AUTH_MAX_AGE stops the app at start with one line.</summary>
internal sealed class MiniAppOptionsValidation : IValidateOptions<MiniAppOptions>
{
    public ValidateOptionsResult Validate(string? name, MiniAppOptions options)
    {
        var failures = new List<string>();
        if (!(TimeSpanSetting.TryRead(options.AuthMaxAgeSetting, MiniAppOptions.DefaultAuthMaxAge, out var age) && age > TimeSpan.Zero))
        {
            failures.Add("MINIAPP_AUTH_MAX_AGE is not a positive time span (e.g. 1.00:00:00 for a day).");
        }

        // Telegram opens Mini Apps over HTTPS only.
        if (options.HasUrl && !(Uri.TryCreate(options.Url, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps))
        {
            failures.Add("MINIAPP_URL must be an https:// address (the deployed app's /app).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
