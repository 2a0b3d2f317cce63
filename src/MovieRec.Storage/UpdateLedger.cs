using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace MovieRec.Storage;

/// <summary>
/// The Telegram updates this bot has acted on. Telegram redelivers a webhook update until it
/// gets a 2xx, possibly to another instance; claiming the update_id with an insert that fails
/// on conflict lets exactly one delivery act. Partition = the bot's id (update ids are per bot),
/// row = the update id.
/// </summary>
public sealed class UpdateLedger(TableStorage tables)
{
    /// <summary>True for the one caller that recorded the update first; false for every redelivery.</summary>
    public async Task<bool> TryClaimAsync(long botId, long updateId, CancellationToken cancellationToken)
    {
        var partition = botId.ToString(CultureInfo.InvariantCulture);
        return await tables.OnUpdatesAsync(partition, async (updates, cancellationToken) =>
        {
            var entity = new TableEntity(
                partition,
                updateId.ToString("D20", CultureInfo.InvariantCulture)) { ["ReceivedAt"] = DateTimeOffset.UtcNow };
            try
            {
                await updates.AddEntityAsync(entity, cancellationToken);
                return true;
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                return false;
            }
        }, cancellationToken);
    }

    /// <summary>
    /// Telegram stops redelivering an update after about a day; an id older than that can never
    /// come again, so its row is deleted (docs/privacy.md). Returns how many went.
    /// </summary>
    public Task<int> SweepAsync(DateTimeOffset olderThan, CancellationToken cancellationToken) =>
        tables.DeleteUpdatesWhereAsync(TableClient.CreateQueryFilter($"ReceivedAt lt {olderThan}"), cancellationToken);
}
