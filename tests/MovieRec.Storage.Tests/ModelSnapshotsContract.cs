using Microsoft.Extensions.Options;
using MovieRec.Storage;
using MovieRec.Testing;

namespace MovieRec.Storage.Tests;

/// <summary>
/// What every <see cref="IModelSnapshots"/> guarantees, run against Blob Storage on a real
/// Azurite and against the in-memory snapshots, so the builder and the refresh may be tested on either.
/// </summary>
public abstract class ModelSnapshotsContract
{
    private static readonly DateTimeOffset BuiltAt = new(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);

    protected abstract IModelSnapshots Snapshots { get; }

    [Fact]
    public async Task Before_the_first_publish_there_is_no_latest_and_nothing_to_download()
    {
        Assert.Null(await Snapshots.LatestAsync(CancellationToken.None));
        Assert.Null(await Snapshots.DownloadAsync(1, CancellationToken.None));
    }

    [Fact]
    public async Task A_published_version_becomes_the_latest_with_its_bytes_and_build_time()
    {
        Assert.True(await Snapshots.TryPublishAsync(1, BuiltAt, [1, 2, 3], CancellationToken.None));
        Assert.True(await Snapshots.TryPublishAsync(2, BuiltAt.AddMinutes(5), [4, 5], CancellationToken.None));

        Assert.Equal(new PublishedSnapshot(2, BuiltAt.AddMinutes(5)), await Snapshots.LatestAsync(CancellationToken.None));
        Assert.Equal([4, 5], await Snapshots.DownloadAsync(2, CancellationToken.None));
        Assert.Equal([1, 2, 3], await Snapshots.DownloadAsync(1, CancellationToken.None));
    }

    [Fact]
    public async Task Publishing_a_version_that_exists_changes_nothing()
    {
        Assert.True(await Snapshots.TryPublishAsync(1, BuiltAt, [1], CancellationToken.None));

        Assert.False(await Snapshots.TryPublishAsync(1, BuiltAt.AddHours(1), [9, 9], CancellationToken.None));

        Assert.Equal(new PublishedSnapshot(1, BuiltAt), await Snapshots.LatestAsync(CancellationToken.None));
        Assert.Equal([1], await Snapshots.DownloadAsync(1, CancellationToken.None));
    }

    [Fact]
    public async Task Only_the_three_newest_versions_are_kept()
    {
        for (byte version = 1; version <= 6; version++)
        {
            Assert.True(await Snapshots.TryPublishAsync(version, BuiltAt, [version], CancellationToken.None));
        }

        Assert.Null(await Snapshots.DownloadAsync(1, CancellationToken.None));
        Assert.Null(await Snapshots.DownloadAsync(2, CancellationToken.None));
        Assert.Null(await Snapshots.DownloadAsync(3, CancellationToken.None));
        for (byte kept = 4; kept <= 6; kept++)
        {
            Assert.Equal(new byte[] { kept }, await Snapshots.DownloadAsync(kept, CancellationToken.None));
        }
    }

    [Fact]
    public async Task A_publish_deletes_every_version_three_or_more_behind_it_not_only_the_one_three_behind()
    {
        Assert.True(await Snapshots.TryPublishAsync(1, BuiltAt, [1], CancellationToken.None));
        Assert.True(await Snapshots.TryPublishAsync(2, BuiltAt, [2], CancellationToken.None));

        // Versions 3 to 5 never came (as if their publishes were lost): 1 and 2 are both three or more behind 6.
        Assert.True(await Snapshots.TryPublishAsync(6, BuiltAt, [6], CancellationToken.None));

        Assert.Null(await Snapshots.DownloadAsync(1, CancellationToken.None));
        Assert.Null(await Snapshots.DownloadAsync(2, CancellationToken.None));
        Assert.Equal([6], await Snapshots.DownloadAsync(6, CancellationToken.None));
    }

    [Fact]
    public async Task One_builder_at_a_time_holds_the_lease_and_the_next_gets_it_once_released()
    {
        var first = await Snapshots.TryLeaseAsync(CancellationToken.None);
        Assert.NotNull(first);
        await first.RenewAsync(CancellationToken.None);

        Assert.Null(await Snapshots.TryLeaseAsync(CancellationToken.None));
        await first.DisposeAsync();

        var second = await Snapshots.TryLeaseAsync(CancellationToken.None);
        Assert.NotNull(second);
        await second.DisposeAsync();
    }
}

public sealed class BlobModelSnapshotsContractTests(SharedAzurite azurite) : ModelSnapshotsContract, IClassFixture<SharedAzurite>
{
    // Each test its own container, so the class may share one Azurite.
    private readonly string _container = "contract-" + Guid.NewGuid().ToString("N");

    protected override IModelSnapshots Snapshots =>
        new BlobModelSnapshots(Options.Create(new StorageOptions { RatingsStorage = azurite.Azurite.ConnectionString, SnapshotsContainer = _container }));

    /// <summary>A delete that failed at one publish (here: a version's blob put back behind the store's back) is made good by the next.</summary>
    [Fact]
    public async Task A_version_an_earlier_prune_failed_to_delete_is_deleted_by_the_next_publish()
    {
        for (byte version = 1; version <= 4; version++)
        {
            Assert.True(await Snapshots.TryPublishAsync(version, new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.Zero), [version], CancellationToken.None));
        }

        var container = new Azure.Storage.Blobs.BlobServiceClient(azurite.Azurite.ConnectionString).GetBlobContainerClient(_container);
        await container.GetBlobClient("community/000000000001.snapshot").UploadAsync(BinaryData.FromBytes([1]));
        Assert.Equal([1], await Snapshots.DownloadAsync(1, CancellationToken.None));

        Assert.True(await Snapshots.TryPublishAsync(5, new DateTimeOffset(2026, 12, 1, 9, 35, 0, TimeSpan.Zero), [5], CancellationToken.None));

        Assert.Null(await Snapshots.DownloadAsync(1, CancellationToken.None));
        Assert.Null(await Snapshots.DownloadAsync(2, CancellationToken.None));
        Assert.Equal([5], await Snapshots.DownloadAsync(5, CancellationToken.None));
    }
}

public sealed class InMemoryModelSnapshotsContractTests : ModelSnapshotsContract
{
    private readonly ManualClock _clock = new();
    private readonly InMemoryModelSnapshots _snapshots;

    public InMemoryModelSnapshotsContractTests() => _snapshots = new InMemoryModelSnapshots(_clock);

    protected override IModelSnapshots Snapshots => _snapshots;

    /// <summary>Blob Storage's own lease rules, which the in-memory lease copies; a minute is too long to wait for on Azurite.</summary>
    [Fact]
    public async Task A_lease_that_ran_out_goes_to_the_next_builder_and_the_first_can_no_longer_renew_it()
    {
        var first = (await _snapshots.TryLeaseAsync(CancellationToken.None))!;
        _clock.Advance(SnapshotRules.LeaseDuration + TimeSpan.FromSeconds(1));

        var second = await _snapshots.TryLeaseAsync(CancellationToken.None);

        Assert.NotNull(second);
        await Assert.ThrowsAsync<StoreRejectedException>(() => first.RenewAsync(CancellationToken.None));
    }
}
