using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MovieRec.Service;

/// <summary>
/// Background work done once per MODEL_REFRESH_INTERVAL (nothing when it is zero), off the host's
/// start: the first round right away or after one interval, then one per interval until the host stops.
/// </summary>
internal abstract class EveryRefreshInterval(IOptions<ModelRefreshOptions> options, bool startAtOnce) : BackgroundService
{
    protected TimeSpan Interval => options.Value.Interval;

    /// <summary>One round; the round's own failures are its to report, so that the next round still comes.</summary>
    protected abstract Task RunOnceAsync(CancellationToken stoppingToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        // Off the start's path: the host listens while MovieLens loads (MovieLensWarmup).
        await Task.Yield();
        using var timer = new PeriodicTimer(Interval);
        try
        {
            if (startAtOnce)
            {
                await RunOnceAsync(stoppingToken);
            }

            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RunOnceAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
