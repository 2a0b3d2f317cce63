using Microsoft.Azure.Functions.Worker;
using MovieRec.Service;

namespace MovieRec.Functions;

/// <summary>
/// The community builder on the Functions timer. A TimeSpan schedule is not allowed on Flex
/// Consumption, so the timer ticks every 5 minutes (MODEL_REFRESH_INTERVAL's default, docs/api.md; each tick
/// wakes the app, so not more often); <see cref="CommunityBuilder"/> builds only when
/// MODEL_REFRESH_INTERVAL has passed since the newest snapshot. A shorter interval still builds
/// every 5 minutes here (instances poll at the interval); a longer one builds less often.
/// </summary>
public sealed class CommunityFunctions(CommunityBuilder builder, RetentionSweep sweep)
{
    [Function("rebuild_community")]
    public async Task RebuildCommunity([TimerTrigger("0 */5 * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        await builder.BuildIfDueAsync(cancellationToken);
    }

    /// <summary>Daily, at a quiet hour: old Telegram update ids and change notes deleted (docs/privacy.md).</summary>
    [Function("sweep_retention")]
    public async Task SweepRetention([TimerTrigger("0 17 3 * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        await sweep.RunAsync(cancellationToken);
    }
}
