using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace MovieRec.Service;

/// <summary>MODEL_REFRESH_INTERVAL (docs/api.md): how often the community is rebuilt and instances look for a newer one.</summary>
public sealed class ModelRefreshOptions
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(5);

    /// <summary>As written in the setting; parsed into <see cref="Interval"/> once, when the options are built.</summary>
    [ConfigurationKeyName("MODEL_REFRESH_INTERVAL")]
    public string? IntervalSetting { get; set; }

    /// <summary>Zero turns the refresh off: the instance keeps MovieLens alone (in-process tests do).</summary>
    public TimeSpan Interval { get; set; } = DefaultInterval;

    public bool Enabled => Interval > TimeSpan.Zero;

    /// <summary>
    /// Changes noted this long before a build started are read again by the next build: instances'
    /// clocks differ, and writes are in flight while a build starts.
    /// </summary>
    public TimeSpan ClockMargin { get; set; } = TimeSpan.FromMinutes(2);
}

/// <summary>Reads the interval from its setting, once.</summary>
internal sealed class ModelRefreshOptionsSetup : IPostConfigureOptions<ModelRefreshOptions>
{
    public void PostConfigure(string? name, ModelRefreshOptions options)
    {
        if (TimeSpanSetting.TryRead(options.IntervalSetting, ModelRefreshOptions.DefaultInterval, out var interval))
        {
            options.Interval = interval;
        }
    }
}

/// <summary>A malformed interval stops the app at start with one line, rather than failing in the background later.</summary>
internal sealed class ModelRefreshOptionsValidation : IValidateOptions<ModelRefreshOptions>
{
    public ValidateOptionsResult Validate(string? name, ModelRefreshOptions options) =>
        TimeSpanSetting.TryRead(options.IntervalSetting, ModelRefreshOptions.DefaultInterval, out var interval)
        && (interval == TimeSpan.Zero || interval >= TimeSpan.FromSeconds(1))
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                "MODEL_REFRESH_INTERVAL is not a time span of a second or more (e.g. 00:05:00), or 00:00:00 to keep MovieLens alone.");
}
