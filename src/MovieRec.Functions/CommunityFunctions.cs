using Microsoft.Azure.Functions.Worker;
using MovieRec.Service;

namespace MovieRec.Functions;

/// <summary>
/// The community builder on the Functions timer. The timer ticks every minute (a TimeSpan schedule
/// is not allowed on Flex Consumption); <see cref="CommunityBuilder"/> builds only when
/// MODEL_REFRESH_INTERVAL has passed since the newest snapshot, so intervals under a minute build once a minute here.
/// </summary>
public sealed class CommunityFunctions(CommunityBuilder builder)
{
    [Function("rebuild_community")]
    public async Task RebuildCommunity([TimerTrigger("0 * * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        await builder.BuildIfDueAsync(cancellationToken);
    }
}
