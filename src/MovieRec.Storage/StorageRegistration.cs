using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MovieRec.Storage;

public static class StorageRegistration
{
    /// <summary>The Table Storage clients (from RATINGS_STORAGE), the ratings store, the update ledger and the model snapshots' blobs.</summary>
    public static IServiceCollection AddMovieRecStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration)
            .Validate(o => !string.IsNullOrWhiteSpace(o.RatingsStorage), "RATINGS_STORAGE is empty: give a Table Storage connection string or a table service URI.")
            .Validate(o => string.IsNullOrWhiteSpace(o.RatingsStorage) || !StorageOptions.LacksBlobEndpoint(o.RatingsStorage), StorageOptions.MissingBlobEndpoint)
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<StoreOutage>();
        services.AddSingleton(new StoreBulkhead());
        services.AddSingleton<TableStorage>();
        services.AddSingleton<ModelSnapshots>();
        services.AddSingleton<TableRatingStore>();
        services.AddHostedService<TableWarmup>();
        services.AddSingleton<UpdateLedger>();
        return services;
    }
}
