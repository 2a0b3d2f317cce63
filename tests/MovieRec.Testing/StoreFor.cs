using Microsoft.Extensions.Options;
using MovieRec.Storage;

namespace MovieRec.Testing;

/// <summary>A <see cref="TableRatingStore"/> on a test's Azurite, to look behind the API.</summary>
public static class StoreFor
{
    /// <summary>
    /// How long a call may wait for one of the bulkhead's slots here: as long as a test may hang. What
    /// these stores are for is the store's answers, and on a CPU-starved machine 200 calls to one
    /// partition can queue past the product's 10 s (StoreBulkhead's own refusal is tested in process).
    /// </summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(2);

    public static TableRatingStore Azurite(Azurite azurite) =>
        new(new TableStorage(
            Options.Create(new StorageOptions { RatingsStorage = azurite.ConnectionString }),
            new StoreOutage(TimeProvider.System),
            new StoreBulkhead(StoreBulkhead.DefaultSlots, LongestWait)), TimeProvider.System);
}
