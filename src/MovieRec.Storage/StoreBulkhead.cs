namespace MovieRec.Storage;

/// <summary>
/// Bounds the store calls one instance has in flight. A burst (one person's 200 ratings at once,
/// a crowd after a broadcast) then queues here, where waiting costs nothing, instead of inside the
/// HTTP client, where every queued call runs down its budget and a slow store looks like a dead
/// one. A call that waits past its longest wait is refused as <see cref="StoreFailure.Queued"/>:
/// this instance is busy, which says nothing about the store.
/// </summary>
public sealed class StoreBulkhead(int slots, TimeSpan longestWait) : IDisposable
{
    /// <summary>
    /// Enough to keep a store round trip of a few milliseconds busy at the thousands of calls a
    /// second one instance can send; few enough that a burst never piles up on the store's side,
    /// where each queued call would run down its budget (32 let a CPU-starved Azurite leave calls
    /// unanswered past a 2 s timeout in a busy test run).
    /// </summary>
    public const int DefaultSlots = 16;

    /// <summary>How long a call may wait for a slot: with <see cref="TableStorage.StoreBudget"/> after it, a request's whole budget for one store call.</summary>
    public static readonly TimeSpan DefaultLongestWait = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _slots = new(slots, slots);

    public StoreBulkhead()
        : this(DefaultSlots, DefaultLongestWait)
    {
    }

    /// <summary>Waits for a slot; dispose the result to give it back.</summary>
    /// <exception cref="StoreUnavailableException">No slot came free within the longest wait.</exception>
    public async Task<Slot> EnterAsync(CancellationToken cancellationToken)
    {
        if (!await _slots.WaitAsync(longestWait, cancellationToken))
        {
            throw new StoreUnavailableException(
                StoreFailure.Queued, $"This instance had all its {slots} store calls in flight for {longestWait.TotalSeconds:0.#} s.");
        }

        return new Slot(_slots);
    }

    public void Dispose() => _slots.Dispose();

    /// <summary>A call's place among the ones in flight.</summary>
    public readonly struct Slot(SemaphoreSlim slots) : IDisposable
    {
        public void Dispose() => slots.Release();
    }
}
