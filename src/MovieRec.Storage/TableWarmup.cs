using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MovieRec.Storage;

/// <summary>
/// Reaches the Table service while the instance starts, beside the model load and without
/// holding the start up: the first request then finds the tables made and the query path warm. A store
/// that is down is no reason not to start; the first request will try again and answer 503.
/// </summary>
internal sealed class TableWarmup(IServiceProvider services, ILogger<TableWarmup> logger) : IHostedService
{
    private Task _warming = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _warming = Task.Run(async () =>
        {
            try
            {
                // The clients are built here too, off the start's path.
                await services.GetRequiredService<TableStorage>().PrepareAsync(CancellationToken.None);
                // One read of a partition nobody has: the query path a request takes is then compiled and connected.
                await services.GetRequiredService<TableRatingStore>().GetRatingsAsync("warm-up", CancellationToken.None);
            }
            catch (StoreUnavailableException e)
            {
                logger.LogWarning("The ratings store was not reachable at start: {Reason}", e.Message);
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => _warming.WaitAsync(cancellationToken);
}
