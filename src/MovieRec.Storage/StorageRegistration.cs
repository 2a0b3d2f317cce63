using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MovieRec.Storage;

public static class StorageRegistration
{
    /// <summary>
    /// The app's stores as RATINGS_STORAGE says: <c>memory</c> (any case), every store in this
    /// process's memory, lost when it stops; anything else, the Azure Storage account it names.
    /// What both hosts and the command line's bot call, so none of them has to know which.
    /// </summary>
    public static IServiceCollection AddMovieRecStorage(this IServiceCollection services, IConfiguration configuration)
    {
        if (!StorageOptions.IsInMemory(configuration[StorageOptions.Setting]))
        {
            return services.AddAzureStorage(configuration);
        }

        services.AddHostedService<InMemoryStorageNotice>();
        return services.AddInMemoryStorage();
    }

    /// <summary>
    /// The app's stores on the Azure Storage account of RATINGS_STORAGE: the ratings and the
    /// update ledger in Table Storage, the model snapshots in Blob Storage.
    /// </summary>
    private static IServiceCollection AddAzureStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration)
            .Validate(o => !string.IsNullOrWhiteSpace(o.RatingsStorage), "RATINGS_STORAGE is empty: give a Table Storage connection string or a table service URI.")
            .Validate(o => string.IsNullOrWhiteSpace(o.RatingsStorage) || !StorageOptions.LacksBlobEndpoint(o.RatingsStorage), StorageOptions.MissingBlobEndpoint)
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<StoreOutage>();
        services.AddSingleton(new StoreBulkhead());
        services.AddSingleton<TableStorage>();
        // One store, asked for as itself by the warm-up (which must not be measured as a request) and as IRatingStore by the rest.
        services.AddSingleton<TableRatingStore>();
        services.AddSingleton<IRatingStore>(sp => sp.GetRequiredService<TableRatingStore>());
        services.AddHostedService<TableWarmup>();
        services.AddSingleton<IUpdateLedger, TableUpdateLedger>();
        services.AddSingleton<IMovieNightStore, TableMovieNightStore>();
        services.AddSingleton<IModelSnapshots, BlobModelSnapshots>();
        return services;
    }

    /// <summary>The same stores in memory (each held to its Azure twin's contract suite), for tests above the store and RATINGS_STORAGE=memory.</summary>
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
