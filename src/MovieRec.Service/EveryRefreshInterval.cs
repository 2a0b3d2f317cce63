using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MovieRec.Service;

/// <summary>
/// Background work done once per MODEL_REFRESH_INTERVAL (nothing when it is zero), off the host's
/// start: the first round after <c>firstRoundAfter</c> (capped at one interval), then one per
/// interval until the host stops.
/// </summary>
internal abstract class EveryRefreshInterval(IOptions<ModelRefreshOptions> options, TimeSpan firstRoundAfter) : BackgroundService
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

        using var timer = new PeriodicTimer(Interval);
        try
        {
            if (firstRoundAfter < Interval)
            {
                // Off the start's path: the host listens, and answers its first requests, meanwhile.
                await Task.Delay(firstRoundAfter, stoppingToken);
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
