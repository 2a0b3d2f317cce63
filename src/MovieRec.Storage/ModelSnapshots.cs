using System.Globalization;
using Azure;
using Azure.Identity;
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
public sealed class ModelSnapshots
{
    /// <summary>How long a builder's lease lasts unless renewed (Blob Storage allows 15–60 s).</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(60);

    /// <summary>Versions kept behind the newest, so an instance downloading one is not left without it.</summary>
    private const int KeptVersions = 3;

    private const string CurrentBlob = "community/current";
    private const string LockBlob = "community/builder.lock";
    private const string VersionKey = "version";
    private const string BuiltAtKey = "builtat";

    private readonly BlobContainerClient _container;
    private volatile bool _created;

    public ModelSnapshots(IOptions<StorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _container = ServiceFor(options.Value.RatingsStorage).GetBlobContainerClient(options.Value.SnapshotsContainer);
    }

    /// <summary>
    /// The blob service of the account behind RATINGS_STORAGE: a connection string's own (or the
    /// emulator's), or for a table service URI the same account's blob URI, reached with managed identity.
    /// </summary>
    public static BlobServiceClient ServiceFor(string ratingsStorage)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ratingsStorage);
        if (Uri.TryCreate(ratingsStorage, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")
        {
            var blob = new UriBuilder(uri) { Host = uri.Host.Replace(".table.", ".blob.", StringComparison.OrdinalIgnoreCase), Path = "/" };
            return new BlobServiceClient(blob.Uri, new DefaultAzureCredential());
        }

        if (StorageOptions.LacksBlobEndpoint(ratingsStorage))
        {
            throw new ArgumentException(StorageOptions.MissingBlobEndpoint);
        }

        return new BlobServiceClient(ratingsStorage);
    }

    /// <summary>The newest published snapshot's version and build time; null when none is published yet.</summary>
    public Task<PublishedSnapshot?> LatestAsync(CancellationToken cancellationToken) =>
        StoreCall.RunAsync<PublishedSnapshot?>(async () =>
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

    public Task<byte[]> DownloadAsync(long version, CancellationToken cancellationToken) =>
        StoreCall.RunAsync(async () =>
        {
            var content = await _container.GetBlobClient(NameOf(version)).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToArray();
        }, cancellationToken);

    /// <summary>
    /// Publishes a snapshot as <paramref name="version"/> and makes it the newest. False when that
    /// version exists already (another builder got there first): nothing is changed then.
    /// </summary>
    public Task<bool> TryPublishAsync(long version, DateTimeOffset builtAt, byte[] snapshot, CancellationToken cancellationToken) =>
        StoreCall.RunAsync(async () =>
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
            if (version > KeptVersions)
            {
                await _container.GetBlobClient(NameOf(version - KeptVersions)).DeleteIfExistsAsync(cancellationToken: cancellationToken);
            }

            return true;
        }, cancellationToken);

    /// <summary>The builder's lease, or null while another builder holds it.</summary>
    public Task<BuildLease?> TryLeaseAsync(CancellationToken cancellationToken) =>
        StoreCall.RunAsync<BuildLease?>(async () =>
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
                await lease.AcquireAsync(LeaseDuration, cancellationToken: cancellationToken);
                return new BuildLease(lease);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                return null;
            }
        }, cancellationToken);

    private static string NameOf(long version) => $"community/{version.ToString("D12", CultureInfo.InvariantCulture)}.snapshot";

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (!_created)
        {
            await _container.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: cancellationToken);
            _created = true;
        }
    }
}

/// <summary>A published snapshot as the "current" blob names it.</summary>
public sealed record PublishedSnapshot(long Version, DateTimeOffset BuiltAt);

/// <summary>One builder's hold on the lock blob; renewed while it builds, released when disposed.</summary>
public sealed class BuildLease(BlobLeaseClient lease) : IAsyncDisposable
{
    public Task RenewAsync(CancellationToken cancellationToken) =>
        StoreCall.RunAsync(async () => (await lease.RenewAsync(cancellationToken: cancellationToken)).Value, cancellationToken);

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
