namespace MovieRec.Storage;

/// <summary>
/// The community snapshots and the builders' lease in memory, for tests above the store and the
/// command line; held to <see cref="BlobModelSnapshots"/>'s contract. The lease runs out on
/// <see cref="TimeProvider"/>'s clock, so a test can let it lapse without waiting a minute.
/// </summary>
public sealed class InMemoryModelSnapshots(TimeProvider time) : IModelSnapshots
{
    private readonly TimeProvider _time = time;
    private readonly Lock _gate = new();
    private readonly SortedDictionary<long, byte[]> _versions = [];
    private PublishedSnapshot? _latest;
    private Hold? _hold;

    public InMemoryModelSnapshots()
        : this(TimeProvider.System)
    {
    }

    public Task<PublishedSnapshot?> LatestAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_latest);
        }
    }

    public Task<byte[]?> DownloadAsync(long version, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_versions.TryGetValue(version, out var bytes) ? (byte[]?)bytes.ToArray() : null);
        }
    }

    public Task<bool> TryPublishAsync(long version, DateTimeOffset builtAt, byte[] snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        lock (_gate)
        {
            if (!_versions.TryAdd(version, snapshot.ToArray()))
            {
                return Task.FromResult(false);
            }

            _latest = new PublishedSnapshot(version, builtAt);
            // Every version that many behind, as the Blob store prunes.
            foreach (var old in _versions.Keys.Where(v => v <= version - SnapshotRules.KeptVersions).ToList())
            {
                _versions.Remove(old);
            }

            return Task.FromResult(true);
        }
    }

    public Task<IBuildLease?> TryLeaseAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_hold is { } held && held.Until > _time.GetUtcNow())
            {
                return Task.FromResult<IBuildLease?>(null);
            }

            _hold = new Hold(_time.GetUtcNow() + SnapshotRules.LeaseDuration);
            return Task.FromResult<IBuildLease?>(new Lease(this, _hold));
        }
    }

    /// <summary>One builder's hold and until when it lasts; another builder taking the lease replaces it with its own.</summary>
    private sealed class Hold(DateTimeOffset until)
    {
        public DateTimeOffset Until { get; set; } = until;
    }

    private sealed class Lease(InMemoryModelSnapshots snapshots, Hold hold) : IBuildLease
    {
        public Task RenewAsync(CancellationToken cancellationToken)
        {
            lock (snapshots._gate)
            {
                // As Blob Storage does: a lease that ran out may be renewed until another builder takes it.
                if (!ReferenceEquals(snapshots._hold, hold))
                {
                    throw new StoreRejectedException(409, "The builders' lease was lost: it ran out and another builder took it.");
                }

                hold.Until = snapshots._time.GetUtcNow() + SnapshotRules.LeaseDuration;
                return Task.CompletedTask;
            }
        }

        public ValueTask DisposeAsync()
        {
            lock (snapshots._gate)
            {
                if (ReferenceEquals(snapshots._hold, hold))
                {
                    snapshots._hold = null;
                }
            }

            return ValueTask.CompletedTask;
        }
    }
}
