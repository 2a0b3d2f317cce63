using Microsoft.Extensions.Options;
using MovieRec.Storage;
using MovieRec.Testing;

namespace MovieRec.Storage.Tests;

/// <summary>
/// What every <see cref="IUpdateLedger"/> guarantees, run against Table Storage on a real Azurite
/// and against the in-memory ledger, so the webhook may be tested on either. The claims are
/// stamped by a <see cref="ManualClock"/>, so the sweep's cutoff is exact and nobody waits.
/// </summary>
public abstract class UpdateLedgerContract
{
    private const long Bot = 7_000_000_001;

    protected ManualClock Clock { get; } = new();

    protected abstract IUpdateLedger Ledger { get; }

    [Fact]
    public async Task The_first_claim_of_an_update_wins_and_its_redelivery_does_not()
    {
        Assert.True(await Ledger.TryClaimAsync(Bot, 100, CancellationToken.None));

        Assert.False(await Ledger.TryClaimAsync(Bot, 100, CancellationToken.None));
        Assert.True(await Ledger.TryClaimAsync(Bot, 101, CancellationToken.None));
        // Update ids are per bot: another bot's update 100 is another update.
        Assert.True(await Ledger.TryClaimAsync(Bot + 1, 100, CancellationToken.None));
    }

    [Fact]
    public async Task Of_100_concurrent_claims_of_one_update_exactly_one_wins()
    {
        var claims = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => Ledger.TryClaimAsync(Bot, 200, CancellationToken.None))));

        Assert.Single(claims, won => won);
    }

    [Fact]
    public async Task A_sweep_deletes_the_claims_older_than_its_cutoff_and_keeps_the_rest()
    {
        await Ledger.TryClaimAsync(Bot, 1, CancellationToken.None);
        Clock.Advance(TimeSpan.FromDays(1));
        await Ledger.TryClaimAsync(Bot, 2, CancellationToken.None);
        var cutoff = Clock.GetUtcNow();
        Clock.Advance(TimeSpan.FromDays(1));
        await Ledger.TryClaimAsync(Bot, 3, CancellationToken.None);

        var swept = await Ledger.SweepAsync(cutoff, CancellationToken.None);

        Assert.Equal(1, swept);
        // Expired, so claimable again; a claim made at the cutoff itself, or after it, still stands.
        Assert.True(await Ledger.TryClaimAsync(Bot, 1, CancellationToken.None));
        Assert.False(await Ledger.TryClaimAsync(Bot, 2, CancellationToken.None));
        Assert.False(await Ledger.TryClaimAsync(Bot, 3, CancellationToken.None));
    }

    [Fact]
    public async Task A_sweep_with_nothing_old_enough_deletes_nothing()
    {
        await Ledger.TryClaimAsync(Bot, 10, CancellationToken.None);

        Assert.Equal(0, await Ledger.SweepAsync(Clock.GetUtcNow() - TimeSpan.FromDays(2), CancellationToken.None));
        Assert.False(await Ledger.TryClaimAsync(Bot, 10, CancellationToken.None));
    }
}

/// <summary>The contract on one Azurite shared by the class; each test has its own updates table, so a sweep sees only its own claims.</summary>
public sealed class TableUpdateLedgerContractTests : UpdateLedgerContract, IClassFixture<SharedAzurite>
{
    public TableUpdateLedgerContractTests(SharedAzurite azurite)
    {
        var options = new StorageOptions { RatingsStorage = azurite.Azurite.ConnectionString, UpdatesTable = "updates" + Guid.NewGuid().ToString("N") };
        Ledger = new TableUpdateLedger(new TableStorage(Options.Create(options), new StoreOutage(TimeProvider.System), new StoreBulkhead()), Clock);
    }

    protected override IUpdateLedger Ledger { get; }
}

public sealed class InMemoryUpdateLedgerContractTests : UpdateLedgerContract
{
    public InMemoryUpdateLedgerContractTests() => Ledger = new InMemoryUpdateLedger(Clock);

    protected override IUpdateLedger Ledger { get; }
}
