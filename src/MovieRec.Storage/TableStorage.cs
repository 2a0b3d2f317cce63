using Azure;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.Options;

namespace MovieRec.Storage;

/// <summary>
/// The Table service clients, made once from RATINGS_STORAGE. Tables are created on first
/// use rather than at start-up, so the app starts (and answers 503) while storage is down.
/// </summary>
public sealed class TableStorage : IDisposable
{
    private readonly TableServiceClient _service;
    private readonly StorageOptions _options;
    private readonly SemaphoreSlim _creating = new(1, 1);
    private volatile bool _created;

    public TableStorage(IOptions<StorageOptions> options)
    {
        _options = options.Value;
        var clientOptions = new TableClientOptions();
        // Fail fast: a request waits at most a few seconds for an unreachable store, then gets 503.
        clientOptions.Retry.MaxRetries = 2;
        clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(100);
        clientOptions.Retry.MaxDelay = TimeSpan.FromSeconds(1);
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(5);
        var setting = _options.RatingsStorage;
        _service = Uri.TryCreate(setting, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? new TableServiceClient(uri, new DefaultAzureCredential(), clientOptions)
            : new TableServiceClient(setting, clientOptions);
    }

    public async Task<TableClient> UsersAsync(CancellationToken cancellationToken) =>
        await EnsureTablesAsync(_options.UsersTable, cancellationToken);

    public async Task<TableClient> UpdatesAsync(CancellationToken cancellationToken) =>
        await EnsureTablesAsync(_options.UpdatesTable, cancellationToken);

    public void Dispose() => _creating.Dispose();

    private async Task<TableClient> EnsureTablesAsync(string table, CancellationToken cancellationToken)
    {
        if (!_created)
        {
            await _creating.WaitAsync(cancellationToken);
            try
            {
                if (!_created)
                {
                    await StoreCall.RunAsync(async () =>
                    {
                        await _service.CreateTableIfNotExistsAsync(_options.UsersTable, cancellationToken);
                        await _service.CreateTableIfNotExistsAsync(_options.UpdatesTable, cancellationToken);
                    });
                    _created = true;
                }
            }
            finally
            {
                _creating.Release();
            }
        }

        return _service.GetTableClient(table);
    }
}
