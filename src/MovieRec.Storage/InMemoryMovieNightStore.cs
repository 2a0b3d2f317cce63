using System.Globalization;

namespace MovieRec.Storage;

/// <summary>The movie nights in memory, for tests above the store; held to <see cref="TableMovieNightStore"/>'s contract.</summary>
public sealed class InMemoryMovieNightStore(TimeProvider time) : IMovieNightStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(long Chat, int Message), Stored> _nights = [];
    private long _nextVersion = 1;

    public InMemoryMovieNightStore()
        : this(TimeProvider.System)
    {
    }

    public Task<bool> TryStartAsync(MovieNight night, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(night);
        lock (_gate)
        {
            return Task.FromResult(_nights.TryAdd((night.ChatId, night.MessageId), new Stored(night, _nextVersion++, time.GetUtcNow())));
        }
    }

    public Task<VersionedNight?> GetAsync(long chatId, int messageId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_nights.TryGetValue((chatId, messageId), out var stored) ? stored.Versioned : null);
        }
    }

    public Task<VersionedNight?> TryReplaceAsync(VersionedNight current, MovieNight next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(next);
        MovieNightKey.RequireSame(current.Night, next);
        lock (_gate)
        {
            var key = (next.ChatId, next.MessageId);
            if (!_nights.TryGetValue(key, out var stored) || stored.Versioned.Version != current.Version)
            {
                return Task.FromResult<VersionedNight?>(null);
            }

            var replaced = stored with { Night = next, Version = _nextVersion++ };
            _nights[key] = replaced;
            return Task.FromResult<VersionedNight?>(replaced.Versioned);
        }
    }

    public Task<int> SweepAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var old = _nights.Where(n => n.Value.StartedAt < olderThan).Select(n => n.Key).ToList();
            old.ForEach(key => _nights.Remove(key));
            return Task.FromResult(old.Count);
        }
    }

    private sealed record Stored(MovieNight Night, long Version, DateTimeOffset StartedAt)
    {
        public VersionedNight Versioned => new(Night, Version.ToString(CultureInfo.InvariantCulture));
    }
}
