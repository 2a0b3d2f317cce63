using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MovieRec.Api.Tests;

/// <summary>Every log entry of an in-process host (level, category, message), and a way to await one.</summary>
public sealed class LogLines : ILoggerProvider
{
    private readonly ConcurrentQueue<LogLine> _lines = new();
    private readonly ConcurrentQueue<(Func<LogLine, bool> Match, TaskCompletionSource Logged)> _waiting = new();

    public IReadOnlyList<LogLine> Lines => [.. _lines];

    /// <summary>Completes when an entry matching <paramref name="match"/> is logged (at once if one was).</summary>
    public Task WhenLogged(Func<LogLine, bool> match)
    {
        var logged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting.Enqueue((match, logged));
        if (_lines.Any(match))
        {
            logged.TrySetResult();
        }

        return logged.Task;
    }

    public ILogger CreateLogger(string categoryName) => new Category(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(LogLine line)
    {
        _lines.Enqueue(line);
        foreach (var (match, logged) in _waiting)
        {
            if (match(line))
            {
                logged.TrySetResult();
            }
        }
    }

    private sealed class Category(LogLines lines, string name) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Add(new LogLine(logLevel, name, formatter(state, exception), exception));
    }
}

/// <summary>One log entry.</summary>
public sealed record LogLine(LogLevel Level, string Category, string Message, Exception? Exception);
