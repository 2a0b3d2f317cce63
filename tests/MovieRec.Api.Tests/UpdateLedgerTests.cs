using Microsoft.Extensions.Options;
using MovieRec.Storage;

namespace MovieRec.Api.Tests;

/// <summary>The Telegram update ids on Azurite: claimed once, and deleted once they can no longer come again.</summary>
public sealed class UpdateLedgerTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    private UpdateLedger Ledger() =>
        new(new TableStorage(Options.Create(new StorageOptions { RatingsStorage = azurite.Azurite.ConnectionString }), new StoreOutage(TimeProvider.System), new StoreBulkhead()));

    [Fact]
    public async Task A_sweep_keeps_ids_newer_than_its_cutoff_and_deletes_older_ones()
    {
        var ledger = Ledger();
        Assert.True(await ledger.TryClaimAsync(7, 10, CancellationToken.None));
        Assert.True(await ledger.TryClaimAsync(7, 11, CancellationToken.None));

        var keptBySweepOfOlder = await ledger.SweepAsync(DateTimeOffset.UtcNow.AddHours(-1), CancellationToken.None);
        var stillClaimed = await ledger.TryClaimAsync(7, 10, CancellationToken.None);
        var swept = await ledger.SweepAsync(DateTimeOffset.UtcNow.AddMinutes(1), CancellationToken.None);

        Assert.Equal(0, keptBySweepOfOlder);
        Assert.False(stillClaimed);
        Assert.Equal(2, swept);
        Assert.True(await ledger.TryClaimAsync(7, 10, CancellationToken.None));
    }
}
