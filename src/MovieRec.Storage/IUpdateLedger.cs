namespace MovieRec.Storage;

/// <summary>
/// The Telegram updates this bot has acted on. Telegram redelivers a webhook update until it gets
/// a 2xx, possibly to another instance; claiming the update id lets exactly one delivery act. Two
/// implementations hold to one contract suite (tests/MovieRec.Storage.Tests/UpdateLedgerContract.cs):
/// <see cref="TableUpdateLedger"/> and <see cref="InMemoryUpdateLedger"/>.
/// </summary>
public interface IUpdateLedger
{
    /// <summary>True for the one caller that recorded the update first; false for every redelivery.</summary>
    Task<bool> TryClaimAsync(long botId, long updateId, CancellationToken cancellationToken);

    /// <summary>
    /// Telegram stops redelivering an update after about a day; an id claimed before
    /// <paramref name="olderThan"/> can never come again and is deleted (docs/privacy.md). How many went.
    /// </summary>
    Task<int> SweepAsync(DateTimeOffset olderThan, CancellationToken cancellationToken);
}
