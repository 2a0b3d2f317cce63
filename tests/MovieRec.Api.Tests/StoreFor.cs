using Microsoft.Extensions.Options;
using MovieRec.Storage;
using MovieRec.Testing;

namespace MovieRec.Api.Tests;

/// <summary>A <see cref="RatingStore"/> on a test's Azurite, to look behind the API.</summary>
internal static class StoreFor
{
    public static RatingStore Azurite(Azurite azurite) =>
        new(new TableStorage(Options.Create(new StorageOptions { RatingsStorage = azurite.ConnectionString })));
}
