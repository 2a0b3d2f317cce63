using Microsoft.Extensions.Options;
using MovieRec.Storage;

namespace MovieRec.Testing;

/// <summary>A <see cref="TableRatingStore"/> on a test's Azurite, to look behind the API.</summary>
public static class StoreFor
{
    public static TableRatingStore Azurite(Azurite azurite) =>
        new(new TableStorage(Options.Create(new StorageOptions { RatingsStorage = azurite.ConnectionString }), new StoreOutage(TimeProvider.System), new StoreBulkhead()), TimeProvider.System);
}
