using Microsoft.Extensions.Options;
using MovieRec.Storage;
using MovieRec.Testing;

namespace MovieRec.Storage.Tests;

/// <summary>
/// A store that answers and refuses a call is a fault to fix, never an outage to wait out: the
/// refusal reaches the caller as <see cref="StoreRejectedException"/> and the outage count stays at
/// zero (StoreRefusalTests in MovieRec.Api.Tests holds the answers the API gives for each).
/// </summary>
public sealed class StoreRejectionTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    /// <summary>Azurite checks the account key as Azure does: a wrong one is refused with 403, as a missing role would be.</summary>
    [Fact]
    public async Task A_store_that_refuses_the_apps_key_is_a_rejection_and_never_taken_for_an_outage()
    {
        var wrongKey = azurite.Azurite.ConnectionString.Replace("AccountKey=Eby8", "AccountKey=AAAA", StringComparison.Ordinal);
        var outage = new StoreOutage(TimeProvider.System);
        var store = new TableRatingStore(
            new TableStorage(Options.Create(new StorageOptions { RatingsStorage = wrongKey }), outage, new StoreBulkhead()), TimeProvider.System);

        var refusals = new List<StoreRejectedException>();
        for (var call = 0; call < 2 * StoreOutage.FailuresToRefuse; call++)
        {
            refusals.Add(await Assert.ThrowsAsync<StoreRejectedException>(() => store.GetRatingsAsync("anyone", CancellationToken.None)));
        }

        Assert.All(refusals, refused => Assert.Equal(403, refused.Status));
        // Ten refusals in a row and the store is still asked: the eleventh call is another refusal, not a 503 given without asking.
        Assert.False(outage.Admit());
    }
}
