using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Options;

namespace MovieRec.Storage;

/// <summary>
/// The community snapshots in a private Blob container of the ratings' storage account: one
/// immutable blob per version ("community/{version}.snapshot"), a small "community/current" blob
/// whose metadata names the newest (one cheap properties read for instances that poll), and a
/// "community/builder.lock" blob whose lease lets one builder at a time publish.
/// </summary>
public sealed class BlobModelSnapshots : IModelSnapshots
{
    private const string CurrentBlob = "community/current";
    private const string LockBlob = "community/builder.lock";
    private const string VersionKey = "version";
    private const string BuiltAtKey = "builtat";
    private const string SnapshotPrefix = "community/";
    private const string SnapshotSuffix = ".snapshot";

    private readonly BlobContainerClient _container;
    private volatile bool _created;

    public BlobModelSnapshots(IOptions<StorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _container = StorageAccount.BlobService(options.Value.RatingsStorage).GetBlobContainerClient(options.Value.SnapshotsContainer);
    }

    public Task<PublishedSnapshot?> LatestAsync(CancellationToken cancellationToken) =>
        StoreCall.RunRejectingAsync<PublishedSnapshot?>(async () =>
        {
            try
            {
                var properties = await _container.GetBlobClient(CurrentBlob).GetPropertiesAsync(cancellationToken: cancellationToken);
                var metadata = properties.Value.Metadata;
                return new PublishedSnapshot(
                    long.Parse(metadata[VersionKey], CultureInfo.InvariantCulture),
                    DateTimeOffset.Parse(metadata[BuiltAtKey], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                return null;
            }
        }, cancellationToken);

    public Task<byte[]?> DownloadAsync(long version, CancellationToken cancellationToken) =>
        StoreCall.RunRejectingAsync<byte[]?>(async () =>
        {
            try
            {
                var content = await _container.GetBlobClient(NameOf(version)).DownloadContentAsync(cancellationToken);
                return content.Value.Content.ToArray();
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                return null;
            }
        }, cancellationToken);

    public Task<bool> TryPublishAsync(long version, DateTimeOffset builtAt, byte[] snapshot, CancellationToken cancellationToken) =>
        StoreCall.RunRejectingAsync(async () =>
        {
            await EnsureContainerAsync(cancellationToken);
            try
            {
                await _container.GetBlobClient(NameOf(version)).UploadAsync(
                    BinaryData.FromBytes(snapshot),
                    new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } },
                    cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                return false;
            }

            await _container.GetBlobClient(CurrentBlob).UploadAsync(
                BinaryData.Empty,
                new BlobUploadOptions
                {
                    Metadata = new Dictionary<string, string>
                    {
                        [VersionKey] = version.ToString(CultureInfo.InvariantCulture),
                        [BuiltAtKey] = builtAt.ToString("O", CultureInfo.InvariantCulture),
                    },
                },
                cancellationToken);
            await PruneAsync(version, cancellationToken);
            return true;
        }, cancellationToken);

    public Task<IBuildLease?> TryLeaseAsync(CancellationToken cancellationToken) =>
        StoreCall.RunRejectingAsync<IBuildLease?>(async () =>
        {
            await EnsureContainerAsync(cancellationToken);
            var lockBlob = _container.GetBlobClient(LockBlob);
            try
            {
                await lockBlob.UploadAsync(
                    BinaryData.Empty,
                    new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } },
                    cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // It exists already (and may be leased): that is what the lease is taken on.
            }

            var lease = lockBlob.GetBlobLeaseClient();
            try
            {
                await lease.AcquireAsync(SnapshotRules.LeaseDuration, cancellationToken: cancellationToken);
                return new BlobBuildLease(lease);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                return null;
            }
        }, cancellationToken);

    private static string NameOf(long version) => SnapshotPrefix + version.ToString("D12", CultureInfo.InvariantCulture) + SnapshotSuffix;

    /// <summary>The version a snapshot blob's name holds; null for the container's other blobs.</summary>
    private static long? VersionOf(string name) =>
        name.StartsWith(SnapshotPrefix, StringComparison.Ordinal) && name.EndsWith(SnapshotSuffix, StringComparison.Ordinal)
        && long.TryParse(name.AsSpan(SnapshotPrefix.Length, name.Length - SnapshotPrefix.Length - SnapshotSuffix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : null;

    /// <summary>
    /// Deletes every version <see cref="SnapshotRules.KeptVersions"/> or more behind
    /// <paramref name="newest"/>, not only the one just fallen out: a delete that failed once (and
    /// with it a forgotten chat's row in that snapshot) is made good by the next publish.
    /// </summary>
    private async Task PruneAsync(long newest, CancellationToken cancellationToken)
    {
        await foreach (var blob in _container.GetBlobsAsync(BlobTraits.None, BlobStates.None, SnapshotPrefix, cancellationToken))
        {
            if (VersionOf(blob.Name) is { } version && version <= newest - SnapshotRules.KeptVersions)
            {
                await _container.GetBlobClient(blob.Name).DeleteIfExistsAsync(cancellationToken: cancellationToken);
            }
        }
    }

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (!_created)
        {
            await _container.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: cancellationToken);
            _created = true;
        }
    }
}

/// <summary>One builder's hold on the lock blob.</summary>
internal sealed class BlobBuildLease(BlobLeaseClient lease) : IBuildLease
{
    public Task RenewAsync(CancellationToken cancellationToken) =>
        StoreCall.RunRejectingAsync(async () => (await lease.RenewAsync(cancellationToken: cancellationToken)).Value, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await lease.ReleaseAsync();
        }
        catch (RequestFailedException)
        {
            // Lost or expired already: it ends by itself within LeaseDuration.
        }
        catch (HttpRequestException)
        {
            // Unreachable: the lease ends by itself within LeaseDuration.
        }
    }
}
