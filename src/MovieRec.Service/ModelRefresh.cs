using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MovieRec.Domain;
using MovieRec.Storage;

namespace MovieRec.Service;

/// <summary>
/// Every instance, in both hosts: once MovieLens is loaded, and then every interval, one
/// properties read asks for the newest community snapshot; a newer one is downloaded, made into
/// a model beside the one in use and swapped in (<see cref="LiveModel"/>). A failure keeps the
/// model in use and is logged once per interval.
/// </summary>
internal sealed class ModelRefresh(IServiceProvider services, IOptions<ModelRefreshOptions> options, ILogger<ModelRefresh> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        // Off the start's path: the host listens while MovieLens loads (MovieLensWarmup).
        await Task.Yield();
        LiveModel live;
        ModelSnapshots snapshots;
        try
        {
            live = services.GetRequiredService<LiveModel>();
            snapshots = services.GetRequiredService<ModelSnapshots>();
        }
        catch (Exception) when (!stoppingToken.IsCancellationRequested)
        {
            // MovieLensWarmup reports a model that cannot load, and stops the app.
            return;
        }

        using var timer = new PeriodicTimer(options.Value.Interval);
        do
        {
            await RefreshAsync(live, snapshots, stoppingToken);
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task RefreshAsync(LiveModel live, ModelSnapshots snapshots, CancellationToken stoppingToken)
    {
        try
        {
            if (await snapshots.LatestAsync(stoppingToken) is not { } latest || latest.Version <= live.Current.Version)
            {
                return;
            }

            var clock = Stopwatch.StartNew();
            var community = CommunitySnapshot.FromBytes(await snapshots.DownloadAsync(latest.Version, stoppingToken));
            if (live.TrySwap(live.Current.WithCommunity(community)))
            {
                logger.LogInformation(
                    "Community snapshot {Version} in use: {AppUsers} app users, loaded in {LoadMs} ms",
                    community.Version,
                    live.Current.AppUsers,
                    clock.ElapsedMilliseconds);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is StoreUnavailableException or InvalidDataException or Azure.RequestFailedException)
        {
            logger.LogWarning("No newer community snapshot could be loaded ({Reason}); the model in use stays", e.Message);
        }
    }
}
