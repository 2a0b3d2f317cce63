using Microsoft.Extensions.Logging;
using MovieRec.Storage;

namespace MovieRec.Service;

/// <summary>
/// Deletes what MovieRec keeps only for a while (docs/privacy.md): Telegram update ids, once
/// Telegram can no longer redeliver them, and the change notes the model builder reads, once its
/// daily full read has covered them. Run daily: by a timer function in Azure, by
/// <see cref="DailyRetentionSweeps"/> elsewhere.
/// </summary>
public sealed class RetentionSweep(IRatingStore store, IUpdateLedger ledger, TimeProvider time, ILogger<RetentionSweep> logger)
{
    /// <summary>Telegram gives up redelivering an update within a day; two leave room for clocks and retries.</summary>
    public static readonly TimeSpan UpdatesKept = TimeSpan.FromDays(2);

    /// <summary>The builder reads every user at least once a day; two days of notes cover a day's missed builds.</summary>
    public static readonly TimeSpan ChangeNotesKept = TimeSpan.FromDays(2);

    public async Task<(int ChangeNotes, int Updates)> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var notes = await store.SweepChangeNotesAsync(now - ChangeNotesKept, cancellationToken);
        var updates = await ledger.SweepAsync(now - UpdatesKept, cancellationToken);
        logger.LogInformation("Retention sweep: {ChangeNotes} change notes and {Updates} Telegram update ids deleted", notes, updates);
        return (notes, updates);
    }
}
