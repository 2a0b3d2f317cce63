namespace MovieRec.Storage;

/// <summary>
/// The published community snapshots and the builders' lease. Two implementations hold to one
/// contract suite (tests/MovieRec.Storage.Tests/ModelSnapshotsContract.cs): <see cref="BlobModelSnapshots"/>
/// and <see cref="InMemoryModelSnapshots"/>. A store that cannot be reached throws
/// <see cref="StoreUnavailableException"/>; one that refuses a call, <see cref="StoreRejectedException"/>.
/// </summary>
public interface IModelSnapshots
{
    /// <summary>The newest published snapshot's version and build time; null when none is published yet.</summary>
    Task<PublishedSnapshot?> LatestAsync(CancellationToken cancellationToken);

    /// <summary>A published snapshot's bytes; null when that version is not kept (never published, or pruned).</summary>
    Task<byte[]?> DownloadAsync(long version, CancellationToken cancellationToken);

    /// <summary>
    /// Publishes a snapshot as <paramref name="version"/> and makes it the newest; only the newest
    /// <see cref="SnapshotRules.KeptVersions"/> versions are kept. False when that version exists
    /// already (another builder got there first): nothing is changed then.
    /// </summary>
    Task<bool> TryPublishAsync(long version, DateTimeOffset builtAt, byte[] snapshot, CancellationToken cancellationToken);

    /// <summary>The builders' lease, or null while another builder holds it.</summary>
    Task<IBuildLease?> TryLeaseAsync(CancellationToken cancellationToken);
}

/// <summary>One builder's hold on the lease; renewed while it builds, released when disposed.</summary>
public interface IBuildLease : IAsyncDisposable
{
    /// <summary>
    /// Extends the hold by <see cref="SnapshotRules.LeaseDuration"/>. Throws
    /// <see cref="StoreRejectedException"/> when the hold was lost (it ran out and another builder took it).
    /// </summary>
    Task RenewAsync(CancellationToken cancellationToken);
}

/// <summary>A published snapshot as the newest-snapshot marker names it.</summary>
public sealed record PublishedSnapshot(long Version, DateTimeOffset BuiltAt);

/// <summary>What every snapshot store keeps to.</summary>
public static class SnapshotRules
{
    /// <summary>How long a builder's lease lasts unless renewed (Blob Storage allows 15–60 s).</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(60);

    /// <summary>Versions kept, the newest included, so an instance downloading one is not left without it.</summary>
    public const int KeptVersions = 3;
}
