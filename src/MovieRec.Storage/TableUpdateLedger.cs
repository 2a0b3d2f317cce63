using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace MovieRec.Storage;

/// <summary>
/// The update ledger in Table Storage: an insert that fails on conflict claims an update id.
/// Partition = the bot's id (update ids are per bot), row = the update id.
/// </summary>
public sealed class TableUpdateLedger(TableStorage tables, TimeProvider time) : IUpdateLedger
{
    public async Task<bool> TryClaimAsync(long botId, long updateId, CancellationToken cancellationToken)
    {
        var partition = botId.ToString(CultureInfo.InvariantCulture);
        return await tables.OnUpdatesAsync(partition, async (updates, cancellationToken) =>
        {
            var entity = new TableEntity(
                partition,
                updateId.ToString("D20", CultureInfo.InvariantCulture)) { ["ReceivedAt"] = time.GetUtcNow() };
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

    public Task<int> SweepAsync(DateTimeOffset olderThan, CancellationToken cancellationToken) =>
        tables.DeleteUpdatesWhereAsync(TableClient.CreateQueryFilter($"ReceivedAt lt {olderThan}"), cancellationToken);
}
