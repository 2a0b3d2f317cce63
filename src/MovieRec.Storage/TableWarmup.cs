using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MovieRec.Storage;

/// <summary>
/// Reaches the Table service while the instance starts, beside the model load and without
/// holding the start up: the first request then finds the tables made and the query path warm. A store
/// that is down is no reason not to start; the first request will try again and answer 503. Nor is
/// the warm-up a reason for the stop to fail: whatever became of it is logged, never thrown.
/// </summary>
internal sealed class TableWarmup(TableStorage tables, TableRatingStore store, ILogger<TableWarmup> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    // A host may dispose its services before, or while, it stops them: the stop's cancel and the
    // disposal take turns, and a stop after the disposal has nothing left to cancel.
    private readonly Lock _gate = new();
    private bool _disposed;
    private Task _warming = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // The token is taken now: the source may be disposed before the warm-up's first step runs.
        var stopping = _stopping.Token;
        _warming = Task.Run(() => WarmUpAsync(stopping), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>A warm-up still running at the stop is of no more use: it is cancelled, and its end awaited.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _stopping.Cancel();
            }
        }

        try
        {
            await _warming.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host's stop timeout ran out first: the warm-up is left to end with the process.
        }
    }

    /// <summary>Cancels a warm-up still running, as a stop would.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _disposed = true;
                _stopping.Cancel();
                _stopping.Dispose();
            }
        }
    }

    private async Task WarmUpAsync(CancellationToken stopping)
    {
        try
        {
            var clock = Stopwatch.StartNew();
            // The clients are built here too, off the start's path.
            await tables.PrepareAsync(stopping);
            // One read of a partition nobody has: the query path a request takes is then compiled and connected.
            await store.GetRatingsAsync("warm-up", stopping);
            logger.LogInformation("The ratings store answered at start ({WarmupMs} ms)", clock.ElapsedMilliseconds);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopped before the store answered.
        }
        catch (StoreUnavailableException e)
        {
            logger.LogWarning("The ratings store was not reachable at start: {Reason}", e.Message);
        }
        catch (Exception e)
        {
            // A bug or a refusal: the first request will meet it too, and say so; the stop must not.
            logger.LogError(e, "The ratings store's warm-up failed");
        }
    }
}
