using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MovieRec.Api;

/// <summary>
/// Runs the options validation the hosts would run on start (ValidateOnStart), before they start,
/// so a setting that cannot work stops the app with one clear line instead of a host stack trace.
/// </summary>
public static class SettingsCheck
{
    /// <summary>The line to print and stop on, or null when every setting can work.</summary>
    public static string? Failure(IServiceProvider services)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
            return null;
        }
        catch (OptionsValidationException e)
        {
            return $"MovieRec cannot start: {string.Join(" ", e.Failures)}";
        }
        catch (AggregateException e) when (e.InnerExceptions.All(inner => inner is OptionsValidationException))
        {
            // Settings of more than one kind failed (say the bot's and API_KEYS): still one line.
            return $"MovieRec cannot start: {string.Join(" ", e.InnerExceptions.Cast<OptionsValidationException>().SelectMany(inner => inner.Failures))}";
        }
    }
}
