using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MovieRec.Api;

/// <summary>
/// Logs identical failures once per interval with a count, not once per request: under load a
/// store outage would otherwise write a stack trace per request (163 MB in 25 s at 64 clients).
/// The first occurrence in an interval is logged with its exception; repeats are counted and the
/// count is logged with the next occurrence after the interval. A failure's message may carry
/// what a caller sent, so at most <see cref="MaxKinds"/> kinds are remembered: past that the
/// memory is emptied, and each kind is logged afresh.
/// </summary>
public sealed class FailureLog(ILogger<FailureLog> logger, TimeProvider time)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    /// <summary>Far more kinds of failure than the app has; a flood of distinct messages costs a few extra lines.</summary>
    public const int MaxKinds = 1_000;

    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    public void Report(LogLevel level, string what, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var key = $"{level}|{what}|{exception.GetType().FullName}|{exception.Message}";
        var now = time.GetUtcNow();
        if (_windows.Count >= MaxKinds && !_windows.ContainsKey(key))
        {
            _windows.Clear();
        }

        var window = _windows.GetOrAdd(key, _ => new Window());
        int repeats;
        lock (window)
        {
            if (window.Started is { } started && now - started < Interval)
            {
                window.Repeats++;
                return;
            }

            repeats = window.Repeats;
            window.Started = now;
            window.Repeats = 0;
        }

        if (repeats == 0)
        {
            logger.Log(level, exception, "{What}", what);
        }
        else
        {
            logger.Log(level, exception, "{What} (and {Repeats} more times in the {Interval} before)", what, repeats, Interval);
        }
    }

    /// <summary>How many kinds of failure are remembered now.</summary>
    internal int Kinds => _windows.Count;

    private sealed class Window
    {
        public DateTimeOffset? Started { get; set; }

        public int Repeats { get; set; }
    }
}
