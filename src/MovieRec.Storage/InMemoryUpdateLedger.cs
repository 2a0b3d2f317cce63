using System.Collections.Concurrent;

namespace MovieRec.Storage;

/// <summary>The update ledger in memory, for tests above the store; held to <see cref="TableUpdateLedger"/>'s contract.</summary>
public sealed class InMemoryUpdateLedger(TimeProvider time) : IUpdateLedger
{
    private readonly ConcurrentDictionary<(long Bot, long Update), DateTimeOffset> _claimed = new();

    public InMemoryUpdateLedger()
        : this(TimeProvider.System)
    {
    }

    public Task<bool> TryClaimAsync(long botId, long updateId, CancellationToken cancellationToken) =>
        Task.FromResult(_claimed.TryAdd((botId, updateId), time.GetUtcNow()));

    public Task<int> SweepAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        var swept = 0;
        foreach (var (key, receivedAt) in _claimed)
        {
            if (receivedAt < olderThan && _claimed.TryRemove(new KeyValuePair<(long, long), DateTimeOffset>(key, receivedAt)))
            {
                swept++;
            }
        }

        return Task.FromResult(swept);
    }
}
