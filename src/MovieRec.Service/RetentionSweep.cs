using Microsoft.Extensions.Logging;
using MovieRec.Storage;

namespace MovieRec.Service;

/// <summary>
/// Deletes what MovieRec keeps only for a while (docs/privacy.md): Telegram update ids, once
/// Telegram can no longer redeliver them, and the change notes the model builder reads, once its
/// daily full read has covered them. Run daily: by a timer function in Azure, by
/// <see cref="DailyRetentionSweeps"/> elsewhere.
/// The groups' movie nights go too, once their evening is long over.
/// </summary>
public sealed class RetentionSweep(
    IRatingStore store, IUpdateLedger ledger, TimeProvider time, ILogger<RetentionSweep> logger, IMovieNightStore nights)
{
    /// <summary>Telegram gives up redelivering an update within a day; two leave room for clocks and retries.</summary>
    public static readonly TimeSpan UpdatesKept = TimeSpan.FromDays(2);

    /// <summary>The builder reads every user at least once a day; two days of notes cover a day's missed builds.</summary>
    public static readonly TimeSpan ChangeNotesKept = TimeSpan.FromDays(2);

    /// <summary>A movie night is for one evening; two days leave room for a vote closed the morning after.</summary>
    public static readonly TimeSpan NightsKept = TimeSpan.FromDays(2);

    public async Task<(int ChangeNotes, int Updates)> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var notes = await store.SweepChangeNotesAsync(now - ChangeNotesKept, cancellationToken);
        var updates = await ledger.SweepAsync(now - UpdatesKept, cancellationToken);
        var swept = await nights.SweepAsync(now - NightsKept, cancellationToken);
        logger.LogInformation(
            "Retention sweep: {ChangeNotes} change notes, {Updates} Telegram update ids and {Nights} movie nights deleted", notes, updates, swept);
        return (notes, updates);
    }
}
