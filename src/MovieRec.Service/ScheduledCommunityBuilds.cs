using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MovieRec.Storage;

namespace MovieRec.Service;

/// <summary>
/// The community builds of a process that runs its own background work: every interval,
/// <see cref="CommunityBuilder.BuildIfDueAsync"/> (the Functions app runs the same call from a timer
/// function). Every instance runs it; the lease lets one build. A failure is logged once per
/// interval and tried again at the next.
/// </summary>
internal sealed class ScheduledCommunityBuilds(CommunityBuilder builder, IOptions<ModelRefreshOptions> options, ILogger<ScheduledCommunityBuilds> logger)
    : EveryRefreshInterval(options, firstRoundAfter: options.Value.Interval)
{
    protected override async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await builder.BuildIfDueAsync(stoppingToken);
        }
        catch (Exception e) when (e is StoreUnavailableException or InvalidDataException)
        {
            logger.LogWarning("The community could not be rebuilt ({Reason}); trying again in {Interval}", e.Message, Interval);
        }
        catch (StoreRejectedException e)
        {
            // Not an outage: a fault of the app or its setup, for someone to fix; the next round still comes.
            logger.LogError(e, "The store refused the community build; trying again in {Interval}", Interval);
        }
    }
}
