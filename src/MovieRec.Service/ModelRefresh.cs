using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MovieRec.DataFiles;
using MovieRec.Domain;
using MovieRec.Storage;

namespace MovieRec.Service;

/// <summary>
/// Every instance, in both hosts: two seconds after the start (a cold start's first requests
/// are served by MovieLens alone rather than wait for Blob Storage), and then every interval, one
/// properties read asks for the newest community snapshot; a newer one is downloaded, made into
/// a model beside the one in use and swapped in (<see cref="LiveModel"/>). A failure keeps the
/// model in use and is logged once per interval.
/// </summary>
internal sealed class ModelRefresh(LiveModel live, IModelSnapshots snapshots, IOptions<ModelRefreshOptions> options, ILogger<ModelRefresh> logger)
    : EveryRefreshInterval(options, firstRoundAfter: TimeSpan.FromSeconds(2))
{
    protected override async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            // The first round waits for MovieLens; MovieLensWarmup loads it, and reports (and stops the app) when it cannot.
            await live.Ready.WaitAsync(stoppingToken);
        }
        catch (Exception) when (!stoppingToken.IsCancellationRequested)
        {
            return;
        }

        try
        {
            if (await snapshots.LatestAsync(stoppingToken) is not { } latest || latest.Version <= live.Current.Version)
            {
                return;
            }

            var clock = Stopwatch.StartNew();
            if (await snapshots.DownloadAsync(latest.Version, stoppingToken) is not { } bytes)
            {
                // Pruned between the two reads: a newer one is published, and the next round takes it.
                return;
            }

            var community = CommunitySnapshotEncoding.FromBytes(bytes);
            if (live.TryTakeIn(community))
            {
                logger.LogInformation(
                    "Community snapshot {Version} in use: {AppUsers} app users, loaded in {LoadMs} ms",
                    community.Version,
                    live.Current.AppUsers,
                    clock.ElapsedMilliseconds);
            }
        }
        catch (Exception e) when (e is StoreUnavailableException or InvalidDataException)
        {
            logger.LogWarning("No newer community snapshot could be loaded ({Reason}); the model in use stays", e.Message);
        }
        catch (StoreRejectedException e)
        {
            // Not an outage: a fault of the app or its setup, for someone to fix; the next round still comes.
            logger.LogError(e, "The store refused the community snapshot's read; the model in use stays");
        }
    }
}
