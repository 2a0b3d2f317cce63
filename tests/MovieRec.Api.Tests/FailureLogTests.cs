using Microsoft.Extensions.Logging;
using MovieRec.Testing;

namespace MovieRec.Api.Tests;

public class FailureLogTests
{
    [Fact]
    public void A_thousand_identical_failures_in_a_minute_are_one_line_and_the_next_one_says_how_many_were_held_back()
    {
        var logger = new LinesLogger();
        var clock = new ManualClock();
        var log = new FailureLog(logger, clock);
        var outage = new InvalidOperationException("Table Storage is unreachable.");

        for (var i = 0; i < 1000; i++)
        {
            log.Report(LogLevel.Warning, "Ratings store unavailable", outage);
            clock.Advance(TimeSpan.FromMilliseconds(50));
        }

        // 1,000 × 50 ms = 50 s: still the first interval.
        Assert.Equal(["Warning Ratings store unavailable"], logger.Lines);

        clock.Advance(TimeSpan.FromSeconds(11));
        log.Report(LogLevel.Warning, "Ratings store unavailable", outage);

        Assert.Equal(2, logger.Lines.Count);
        Assert.Equal("Warning Ratings store unavailable (and 999 more times in the 00:01:00 before)", logger.Lines[1]);
    }

    [Fact]
    public void Different_failures_are_each_logged()
    {
        var logger = new LinesLogger();
        var log = new FailureLog(logger, new ManualClock());

        log.Report(LogLevel.Warning, "Ratings store unavailable", new InvalidOperationException("down"));
        log.Report(LogLevel.Error, "Unexpected failure on /recommend", new InvalidOperationException("bug"));
        log.Report(LogLevel.Warning, "Ratings store unavailable", new TimeoutException("slow"));

        Assert.Equal(3, logger.Lines.Count);
    }

    [Fact]
    public void A_flood_of_distinct_failure_messages_is_remembered_a_thousand_kinds_at_most()
    {
        var logger = new LinesLogger();
        var log = new FailureLog(logger, new ManualClock());

        for (var i = 0; i < 20_000; i++)
        {
            // A message that carries what the caller sent, different every time.
            log.Report(LogLevel.Warning, "Ratings store unavailable", new InvalidOperationException($"partition chat-{i} is busy"));
        }

        Assert.InRange(log.Kinds, 1, FailureLog.MaxKinds);
        Assert.Equal(20_000, logger.Lines.Count);
    }

    private sealed class LinesLogger : ILogger<FailureLog>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add($"{logLevel} {formatter(state, exception)}");
    }
}
