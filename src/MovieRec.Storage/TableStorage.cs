using Azure;
using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace MovieRec.Storage;

/// <summary>
/// The Table service clients, made once from RATINGS_STORAGE. Tables are created on first
/// use rather than at start-up, so the app starts (and answers 503) while storage is down.
/// </summary>
public sealed class TableStorage : IDisposable
{
    /// <summary>
    /// The most one call may take once it has a slot (<see cref="StoreBulkhead"/>), retries included:
    /// a request then answers 503 rather than hang, and the call counts as unanswered.
    /// </summary>
    public static readonly TimeSpan StoreBudget = TimeSpan.FromSeconds(10);

    /// <summary>The most one read of every user may take (the model builder's occasional full rebuild).</summary>
    public static readonly TimeSpan BuilderBudget = TimeSpan.FromMinutes(10);

    private readonly TableServiceClient _service;
    private readonly TableServiceClient _scanService;
    private readonly StorageOptions _options;
    private readonly StoreOutage _outage;
    private readonly StoreBulkhead _bulkhead;
    private readonly SemaphoreSlim _creating = new(1, 1);
    private volatile bool _created;

    public TableStorage(IOptions<StorageOptions> options, StoreOutage outage, StoreBulkhead bulkhead)
    {
        _options = options.Value;
        _outage = outage;
        _bulkhead = bulkhead;
        var clientOptions = new TableClientOptions();
        // Fail fast: a request waits at most a few seconds for an unreachable store, then gets 503.
        clientOptions.Retry.MaxRetries = 1;
        clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(100);
        clientOptions.Retry.MaxDelay = TimeSpan.FromSeconds(1);
        clientOptions.Retry.Mode = RetryMode.Exponential;
        // A store starved of CPU (Azurite beside a busy test run) answers a call of the bulkhead's
        // few in flight within a second or two; one that says nothing for 5 s is not answering.
        clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(5);
        _service = StorageAccount.TableService(_options.RatingsStorage, clientOptions);

        // The builder's full read: one page of a large table may take the service many seconds.
        var scanOptions = new TableClientOptions();
        scanOptions.Retry.MaxRetries = 2;
        scanOptions.Retry.NetworkTimeout = TimeSpan.FromMinutes(2);
        _scanService = StorageAccount.TableService(_options.RatingsStorage, scanOptions);
    }

    /// <summary>Runs a call on one partition of the users table; see <see cref="RunAsync{T}"/>.</summary>
    public Task<T> OnUsersAsync<T>(string partition, Func<TableClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
        RunAsync(_options.UsersTable, partition, call, cancellationToken);

    /// <summary>Runs a call on one partition of the table of rating changes (what the model builder reads); see <see cref="RunAsync{T}"/>.</summary>
    public Task<T> OnChangesAsync<T>(string partition, Func<TableClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
        RunAsync(_options.ChangesTable, partition, call, cancellationToken);

    /// <summary>
    /// Runs a long read on the users table for the model builder, which runs beside the requests
    /// and gets <see cref="BuilderBudget"/> rather than a request's <see cref="StoreBudget"/>, and a
    /// client whose network timeout allows for slow pages. It takes no request's slot: it runs
    /// its own few reads at a time (<see cref="TableRatingStore.ReadUsersAsync"/>).
    /// </summary>
    public Task<T> ScanUsersAsync<T>(Func<TableClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
        ScanAsync(_options.UsersTable, call, cancellationToken);

    /// <summary>Runs a read across the changes table (a sweep, or the notes of a chat being forgotten), with the builder's budget and no request's slot.</summary>
    public Task<T> ScanChangesAsync<T>(Func<TableClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
        ScanAsync(_options.ChangesTable, call, cancellationToken);

    /// <summary>Deletes the change notes <paramref name="filter"/> selects (the retention sweep); how many went.</summary>
    public Task<int> DeleteChangesWhereAsync(string filter, CancellationToken cancellationToken) =>
        DeleteWhereAsync(_options.ChangesTable, filter, cancellationToken);

    /// <summary>Deletes the Telegram update rows <paramref name="filter"/> selects (the retention sweep); how many went.</summary>
    public Task<int> DeleteUpdatesWhereAsync(string filter, CancellationToken cancellationToken) =>
        DeleteWhereAsync(_options.UpdatesTable, filter, cancellationToken);

    /// <summary>One scan for the rows' keys, then one delete transaction per partition and 100 rows.</summary>
    private async Task<int> DeleteWhereAsync(string table, string filter, CancellationToken cancellationToken)
    {
        var rows = await ScanAsync(table, async (client, cancellationToken) =>
        {
            var found = new List<(string Partition, string Row)>();
            await foreach (var row in client.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
            {
                found.Add((row.PartitionKey, row.RowKey));
            }

            return found;
        }, cancellationToken);
        foreach (var partition in rows.GroupBy(r => r.Partition))
        {
            foreach (var chunk in partition.Chunk(100))
            {
                await RunAsync(table, partition.Key, async (client, cancellationToken) =>
                    (await client.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(r.Partition, r.Row), ETag.All)), cancellationToken)).Value.Count, cancellationToken);
            }
        }

        return rows.Count;
    }

    /// <summary>Runs a call on one partition of the Telegram updates table; see <see cref="RunAsync{T}"/>.</summary>
    public Task<T> OnUpdatesAsync<T>(string partition, Func<TableClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
        RunAsync(_options.UpdatesTable, partition, call, cancellationToken);

    /// <summary>Runs a call on one partition (a group) of the movie nights table; see <see cref="RunAsync{T}"/>.</summary>
    public Task<T> OnNightsAsync<T>(string partition, Func<TableClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
        RunAsync(_options.NightsTable, partition, call, cancellationToken);

    /// <summary>Deletes the movie nights <paramref name="filter"/> selects (the retention sweep); how many went.</summary>
    public Task<int> DeleteNightsWhereAsync(string filter, CancellationToken cancellationToken) =>
        DeleteWhereAsync(_options.NightsTable, filter, cancellationToken);

    /// <summary>Whether a failure says the table itself is gone (not an entity in it).</summary>
    public static bool IsTableMissing(RequestFailedException e) =>
        e.Status == 404 && e.ErrorCode == Azure.Data.Tables.Models.TableErrorCode.TableNotFound.ToString();

    /// <summary>
    /// Runs a call on a table once it has a slot (<see cref="StoreBulkhead"/>), with outages as
    /// <see cref="StoreUnavailableException"/>; while the store is known to be down
    /// (<see cref="StoreOutage"/>) the call is refused at once.
    /// </summary>
    private async Task<T> RunAsync<T>(string table, string partition, Func<TableClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        using var slot = await _bulkhead.EnterAsync(cancellationToken);
        var probe = _outage.Admit();
        return await RecordingOutcomeAsync(probe, partition, () => RunOnTableAsync(table, call, StoreBudget, cancellationToken));
    }

    /// <summary>A long read on the scan client, with <see cref="BuilderBudget"/>; outages still count.</summary>
    private async Task<T> ScanAsync<T>(string table, Func<TableClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var probe = _outage.Admit();
        return await RecordingOutcomeAsync(
            probe, partition: null, () => RunOnTableAsync(table, (_, budget) => call(_scanService.GetTableClient(table), budget), BuilderBudget, cancellationToken));
    }

    /// <summary>Tells <see cref="StoreOutage"/> whether the store answered.</summary>
    private async Task<T> RecordingOutcomeAsync<T>(bool probe, string? partition, Func<Task<T>> call)
    {
        try
        {
            var result = await call();
            _outage.Answered();
            return result;
        }
        catch (StoreUnavailableException e)
        {
            _outage.Failed(e.Failure, partition);
            throw;
        }
        catch (RequestFailedException e)
        {
            // The store answered, with a refusal of this call: it is up.
            _outage.Answered();
            throw StoreCall.Rejected(e);
        }
        finally
        {
            if (probe)
            {
                _outage.ProbeEnded();
            }
        }
    }

    /// <summary>
    /// A table deleted under the running app (a wiped emulator, an operator's mistake) is created
    /// again and the call retried once, instead of failing every request until a restart.
    /// </summary>
    private async Task<T> RunOnTableAsync<T>(string table, Func<TableClient, CancellationToken, Task<T>> call, TimeSpan longest, CancellationToken cancellationToken)
    {
        // The whole call, table creation and retries included, gets its budget; past it the store counts as unreachable.
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(longest);
        var client = await StoreCall.RunAsync(() => EnsureTablesAsync(table, budget.Token), cancellationToken);
        try
        {
            return await StoreCall.RunAsync(() => call(client, budget.Token), cancellationToken);
        }
        catch (RequestFailedException e) when (IsTableMissing(e))
        {
            _created = false;
            client = await StoreCall.RunAsync(() => EnsureTablesAsync(table, budget.Token), cancellationToken);
            return await StoreCall.RunAsync(() => call(client, budget.Token), cancellationToken);
        }
    }

    /// <summary>Creates the tables (once per instance) ahead of the first request; see <see cref="TableWarmup"/>.</summary>
    public Task PrepareAsync(CancellationToken cancellationToken) =>
        StoreCall.RunRejectingAsync(() => EnsureTablesAsync(_options.UsersTable, cancellationToken), cancellationToken);

    public void Dispose() => _creating.Dispose();

    private async Task<TableClient> EnsureTablesAsync(string table, CancellationToken budget)
    {
        if (!_created)
        {
            await _creating.WaitAsync(budget);
            try
            {
                if (!_created)
                {
                    await _service.CreateTableIfNotExistsAsync(_options.UsersTable, budget);
                    await _service.CreateTableIfNotExistsAsync(_options.UpdatesTable, budget);
                    await _service.CreateTableIfNotExistsAsync(_options.ChangesTable, budget);
                    await _service.CreateTableIfNotExistsAsync(_options.NightsTable, budget);
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
