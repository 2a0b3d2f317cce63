using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MovieRec.Storage;

public static class StorageRegistration
{
    /// <summary>
    /// The app's stores on the Azure Storage account of RATINGS_STORAGE: the ratings and the
    /// update ledger in Table Storage, the model snapshots in Blob Storage. What both hosts and
    /// the command line's bot run on.
    /// </summary>
    public static IServiceCollection AddAzureStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration)
            .Validate(o => !string.IsNullOrWhiteSpace(o.RatingsStorage), "RATINGS_STORAGE is empty: give a Table Storage connection string or a table service URI.")
            .Validate(o => string.IsNullOrWhiteSpace(o.RatingsStorage) || !StorageOptions.LacksBlobEndpoint(o.RatingsStorage), StorageOptions.MissingBlobEndpoint)
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<StoreOutage>();
        services.AddSingleton(new StoreBulkhead());
        services.AddSingleton<TableStorage>();
        services.AddHostedService<TableWarmup>();
        services.AddSingleton<IRatingStore, TableRatingStore>();
        services.AddSingleton<IUpdateLedger, TableUpdateLedger>();
        services.AddSingleton<IMovieNightStore, TableMovieNightStore>();
        services.AddSingleton<IModelSnapshots, BlobModelSnapshots>();
        return services;
    }

    /// <summary>The same stores in memory (each held to its Azure twin's contract suite), for tests above the store.</summary>
    public static IServiceCollection AddInMemoryStorage(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IRatingStore>(sp => new InMemoryRatingStore(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IUpdateLedger>(sp => new InMemoryUpdateLedger(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IMovieNightStore>(sp => new InMemoryMovieNightStore(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IModelSnapshots>(sp => new InMemoryModelSnapshots(sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
