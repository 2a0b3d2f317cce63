using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace MovieRec.Storage;

/// <summary>
/// The movie nights in Table Storage: one entity per night, PartitionKey = the group's chat id,
/// RowKey = its message id. A change is a merge conditional on the ETag read (412: someone changed
/// it first), so presses on several instances never lose each other's changes. The members are a
/// small JSON list (at most the bot's limit of a night, each a first name of up to 64 characters).
/// </summary>
public sealed class TableMovieNightStore(TableStorage tables, TimeProvider time) : IMovieNightStore
{
    public async Task<bool> TryStartAsync(MovieNight night, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(night);
        var entity = EntityOf(night);
        entity["StartedAt"] = time.GetUtcNow();
        return await tables.OnNightsAsync(entity.PartitionKey, async (nights, cancellationToken) =>
        {
            try
            {
                await nights.AddEntityAsync(entity, cancellationToken);
                return true;
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                return false;
            }
        }, cancellationToken);
    }

    public Task<VersionedNight?> GetAsync(long chatId, int messageId, CancellationToken cancellationToken) =>
        tables.OnNightsAsync(PartitionOf(chatId), async (nights, cancellationToken) =>
        {
            var found = await nights.GetEntityIfExistsAsync<TableEntity>(PartitionOf(chatId), RowOf(messageId), cancellationToken: cancellationToken);
            return found.HasValue ? new VersionedNight(NightOf(found.Value!), found.Value!.ETag.ToString()) : null;
        }, cancellationToken);

    public async Task<VersionedNight?> TryReplaceAsync(VersionedNight current, MovieNight next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(next);
        MovieNightKey.RequireSame(current.Night, next);
        var entity = EntityOf(next);
        return await tables.OnNightsAsync(entity.PartitionKey, async (nights, cancellationToken) =>
        {
            try
            {
                // A merge keeps StartedAt, which only the start writes.
                var replaced = await nights.UpdateEntityAsync(entity, new ETag(current.Version), TableUpdateMode.Merge, cancellationToken);
                return new VersionedNight(next, replaced.Headers.ETag?.ToString() ?? throw new InvalidOperationException("Table Storage answered an update without an ETag."));
            }
            catch (RequestFailedException e) when (e.Status is 412 or 404)
            {
                return null;
            }
        }, cancellationToken);
    }

    public Task<int> SweepAsync(DateTimeOffset olderThan, CancellationToken cancellationToken) =>
        tables.DeleteNightsWhereAsync(TableClient.CreateQueryFilter($"StartedAt lt {olderThan}"), cancellationToken);

    private static string PartitionOf(long chatId) => chatId.ToString(CultureInfo.InvariantCulture);

    private static string RowOf(int messageId) => messageId.ToString("D10", CultureInfo.InvariantCulture);

    private static TableEntity EntityOf(MovieNight night) => new(PartitionOf(night.ChatId), RowOf(night.MessageId))
    {
        ["StartedById"] = night.StartedBy.UserId,
        ["StartedByName"] = night.StartedBy.FirstName,
        ["Genre"] = night.Genre,
        ["Members"] = JsonSerializer.Serialize(night.Members.Select(m => new StoredMember(m.UserId, m.FirstName))),
        ["Stage"] = night.Stage.ToString(),
        ["PollMessageId"] = night.PollMessageId,
        ["Films"] = string.Join(',', night.Films.Select(f => f.ToString(CultureInfo.InvariantCulture))),
        ["Language"] = night.Language,
    };

    private static MovieNight NightOf(TableEntity entity) =>
        new(
            long.Parse(entity.PartitionKey, CultureInfo.InvariantCulture),
            int.Parse(entity.RowKey, CultureInfo.InvariantCulture),
            new NightMember(entity.GetInt64("StartedById") ?? 0, entity.GetString("StartedByName") ?? ""),
            entity.GetString("Genre") ?? "",
            [.. JsonSerializer.Deserialize<List<StoredMember>>(entity.GetString("Members") ?? "[]")!.Select(m => new NightMember(m.Id, m.Name))],
            Enum.Parse<NightStage>(entity.GetString("Stage") ?? nameof(NightStage.Open)))
        {
            PollMessageId = entity.GetInt32("PollMessageId") ?? 0,
            Films = [.. (entity.GetString("Films") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(f => int.Parse(f, CultureInfo.InvariantCulture))],
            Language = entity.GetString("Language") ?? "",
        };

    private sealed record StoredMember(long Id, string Name);
}
