using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MovieRec.Storage;

namespace MovieRec.Service;

/// <summary>
/// The daily <see cref="RetentionSweep"/> of a process that runs its own background work, the first
/// an hour after start (the Functions app runs it from a timer).
/// </summary>
internal sealed class DailyRetentionSweeps(RetentionSweep sweep, ILogger<DailyRetentionSweeps> logger) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(TimeSpan.FromHours(1), stoppingToken);
            using var timer = new PeriodicTimer(Every);
            do
            {
                try
                {
                    await sweep.RunAsync(stoppingToken);
                }
                catch (StoreUnavailableException e)
                {
                    logger.LogWarning("The retention sweep could not run ({Reason}); trying again in {Every}", e.Message, Every);
                }
                catch (StoreRejectedException e)
                {
                    logger.LogError(e, "The store refused the retention sweep; trying again in {Every}", Every);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
