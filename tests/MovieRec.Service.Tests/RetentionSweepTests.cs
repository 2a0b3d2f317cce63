using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MovieRec.Service;
using MovieRec.Storage;
using MovieRec.Testing;

namespace MovieRec.Service.Tests;

/// <summary>
/// The daily sweep (docs/privacy.md) over both pairs of stores, on a <see cref="ManualClock"/>:
/// Telegram update ids and change notes older than two days go, newer ones and every rating stay.
/// </summary>
public abstract class RetentionSweepTests
{
    private const long Bot = 7_000_000_002;

    protected ManualClock Clock { get; } = new();

    protected abstract IRatingStore Store { get; }

    protected abstract IUpdateLedger Ledger { get; }

    [Fact]
    public async Task The_sweep_deletes_update_ids_and_change_notes_older_than_two_days_and_keeps_newer_ones()
    {
        var start = Clock.GetUtcNow();
        await Store.TryRegisterAsync("rated-long-ago", CancellationToken.None);
        await Store.SaveRatingAsync("rated-long-ago", 1, 4, CancellationToken.None);
        await Ledger.TryClaimAsync(Bot, 1, CancellationToken.None);
        Clock.Advance(TimeSpan.FromDays(1));
        await Store.TryRegisterAsync("rated-yesterday", CancellationToken.None);
        await Store.SaveRatingAsync("rated-yesterday", 2, 3, CancellationToken.None);
        await Ledger.TryClaimAsync(Bot, 2, CancellationToken.None);
        // Now: 2.5 days after the first rating, 1.5 days after the second.
        Clock.Advance(TimeSpan.FromDays(1.5));

        var swept = await new RetentionSweep(Store, Ledger, Clock, NullLogger<RetentionSweep>.Instance, new InMemoryMovieNightStore(Clock)).RunAsync(CancellationToken.None);

        Assert.Equal((ChangeNotes: 1, Updates: 1), swept);
        var changed = await Store.ChangedSinceAsync(start - TimeSpan.FromHours(1), CancellationToken.None);
        Assert.DoesNotContain("rated-long-ago", changed);
        Assert.Contains("rated-yesterday", changed);
        Assert.True(await Ledger.TryClaimAsync(Bot, 1, CancellationToken.None));
        Assert.False(await Ledger.TryClaimAsync(Bot, 2, CancellationToken.None));
        Assert.Equal(new Dictionary<int, double> { [1] = 4 }, (await Store.GetRatingsAsync("rated-long-ago", CancellationToken.None))!.StarsByMovie);
    }
}

/// <summary>On Azurite, each test with tables of its own, so the sweep's counts are its own.</summary>
public sealed class TableRetentionSweepTests : RetentionSweepTests, IClassFixture<SharedAzurite>
{
    public TableRetentionSweepTests(SharedAzurite azurite)
    {
        var suffix = Guid.NewGuid().ToString("N");
        var options = new StorageOptions
        {
            RatingsStorage = azurite.Azurite.ConnectionString,
            UsersTable = "users" + suffix,
            UpdatesTable = "updates" + suffix,
            ChangesTable = "changes" + suffix,
        };
        var tables = new TableStorage(Options.Create(options), new StoreOutage(TimeProvider.System), new StoreBulkhead());
        Store = new TableRatingStore(tables, Clock);
        Ledger = new TableUpdateLedger(tables, Clock);
    }

    protected override IRatingStore Store { get; }

    protected override IUpdateLedger Ledger { get; }
}

public sealed class InMemoryRetentionSweepTests : RetentionSweepTests
{
    public InMemoryRetentionSweepTests()
    {
        Store = new InMemoryRatingStore(Clock);
        Ledger = new InMemoryUpdateLedger(Clock);
    }

    protected override IRatingStore Store { get; }

    protected override IUpdateLedger Ledger { get; }
}
