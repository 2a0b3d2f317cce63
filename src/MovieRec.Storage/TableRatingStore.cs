using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace MovieRec.Storage;

/// <summary>
/// Users and their ratings in one table. Each user is a partition (PartitionKey = chat id)
/// holding one "user" entity and one "rating-{movieId}" entity per rated or skipped movie (with
/// Stars, or with Skipped = true), so a user's ratings are one partition query, registration is
/// an insert that fails on conflict, concurrent ratings of different movies touch different
/// entities, and a rating replaces a skip while a skip never replaces a rating.
/// Beside each rating, the user's chat id is upserted into the changes table under the hour it
/// happened in (PartitionKey "yyyyMMddHH", RowKey = chat id, ChangedAt), so the model builder
/// finds who changed with one partition query per hour (docs/storage.md).
/// </summary>
public sealed class TableRatingStore : IRatingStore
{
    private const string UserRow = "user";
    private const string RatingPrefix = "rating-";

    /// <summary>The marker of a forget under way: it outlives the user row and goes last, so a forget that stopped part way is found and finished.</summary>
    private const string ForgettingRow = "forgetting";

    private readonly TableStorage _tables;
    private readonly TimeProvider _time;

    public TableRatingStore(TableStorage tables, TimeProvider time)
    {
        _tables = tables;
        _time = time;
    }

    public async Task<bool> TryRegisterAsync(string chatId, CancellationToken cancellationToken)
    {
        return await _tables.OnUsersAsync(chatId, async (users, cancellationToken) =>
        {
            try
            {
                await users.AddEntityAsync(new TableEntity(chatId, UserRow) { ["RegisteredAt"] = _time.GetUtcNow() }, cancellationToken);
                return true;
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                return false;
            }
        }, cancellationToken);
    }

    /// <summary>One partition query.</summary>
    public Task<UserRatings?> GetRatingsAsync(string chatId, CancellationToken cancellationToken) =>
        _tables.OnUsersAsync(chatId, (users, cancellationToken) => ReadUserAsync(users, chatId, cancellationToken), cancellationToken);

    /// <summary>One partition query per user, 16 at a time, on the builder's client and budget.</summary>
    public Task<IReadOnlyList<UserRatings>> ReadUsersAsync(IReadOnlyCollection<string> chatIds, CancellationToken cancellationToken) =>
        _tables.ScanUsersAsync<IReadOnlyList<UserRatings>>(async (users, cancellationToken) =>
        {
            var read = new System.Collections.Concurrent.ConcurrentBag<UserRatings>();
            await Parallel.ForEachAsync(
                chatIds,
                new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
                async (chatId, cancellationToken) =>
                {
                    if (await ReadUserAsync(users, chatId, cancellationToken) is { } user)
                    {
                        read.Add(user);
                    }
                });
            return [.. read];
        }, cancellationToken);

    /// <summary>
    /// The user entity is touched in the same transaction, so the rating is written only if the
    /// user exists. The change note is written beside it, and the rating is acknowledged only once
    /// both are: a saved rating always reaches the neighbour pool. (A note for an unknown chat is
    /// harmless: the builder finds no user behind it.)
    /// </summary>
    public async Task<bool> SaveRatingAsync(string chatId, int movieId, double stars, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var noted = NoteChangeAsync(chatId, now, cancellationToken);
        var saved = SubmitForUserAsync(
            chatId, "LastRatedAt", now, new(TableTransactionActionType.UpsertReplace, new TableEntity(chatId, RowKeyOf(movieId)) { ["Stars"] = stars, ["RatedAt"] = now }), cancellationToken);
        await Task.WhenAll(noted, saved);
        return await saved == UserGuarded.Done;
    }

    /// <summary>
    /// One transaction: [merge the user, delete the movie's row], so nothing is written for an
    /// unknown chat; which of the two failed tells an unknown chat from a movie never rated. A change
    /// note beside it, as for a rating: the pool learns of it at the next build.
    /// </summary>
    public async Task<Removal> RemoveAsync(string chatId, int movieId, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var removal = await SubmitForUserAsync(
            chatId, "LastRemovedAt", now, new(TableTransactionActionType.Delete, new TableEntity(chatId, RowKeyOf(movieId)), ETag.All), cancellationToken) switch
        {
            UserGuarded.Done => Removal.Removed,
            UserGuarded.RowMissing => Removal.NothingToRemove,
            _ => Removal.UnknownUser,
        };
        if (removal == Removal.Removed)
        {
            await NoteChangeAsync(chatId, now, cancellationToken);
        }

        return removal;
    }

    /// <summary>An insert: it fails (409) on a movie already rated or skipped, and then there is nothing to do.</summary>
    public async Task<bool> SaveSkipAsync(string chatId, int movieId, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        return await SubmitForUserAsync(
            chatId, "LastSkippedAt", now, new(TableTransactionActionType.Add, new TableEntity(chatId, RowKeyOf(movieId)) { ["Skipped"] = true, ["SkippedAt"] = now }), cancellationToken)
            is UserGuarded.Done or UserGuarded.RowExists;
    }

    /// <summary>
    /// One entity-group transaction of [merge the user row with <paramref name="stamp"/>, then
    /// <paramref name="action"/> on one of its rows]: nothing is written for an unknown chat, and
    /// which of the two failed tells an unknown chat from the row's own state.
    /// </summary>
    private Task<UserGuarded> SubmitForUserAsync(string chatId, string stamp, DateTimeOffset now, TableTransactionAction action, CancellationToken cancellationToken) =>
        _tables.OnUsersAsync(chatId, async (users, cancellationToken) =>
        {
            TableTransactionAction[] actions =
            [
                new(TableTransactionActionType.UpdateMerge, new TableEntity(chatId, UserRow) { [stamp] = now }, ETag.All),
                action,
            ];
            try
            {
                await users.SubmitTransactionAsync(actions, cancellationToken);
                return UserGuarded.Done;
            }
            catch (TableTransactionFailedException e) when (e.Status == 409)
            {
                return UserGuarded.RowExists;
            }
            catch (TableTransactionFailedException e) when (e.Status == 404 && !TableStorage.IsTableMissing(e))
            {
                // A missing table is not answered here: TableStorage creates it again and retries.
                return e.FailedTransactionActionIndex == 1 ? UserGuarded.RowMissing : UserGuarded.UnknownUser;
            }
        }, cancellationToken);

    private enum UserGuarded
    {
        Done,
        UnknownUser,
        RowMissing,
        RowExists,
    }

    /// <summary>One partition query per hour from <paramref name="since"/> to now, reading chat ids only.</summary>
    public async Task<IReadOnlySet<string>> ChangedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var changed = new HashSet<string>(StringComparer.Ordinal);
        var now = _time.GetUtcNow();
        for (var hour = HourOf(since); hour <= now; hour = hour.AddHours(1))
        {
            var bucket = BucketOf(hour);
            var names = await _tables.OnChangesAsync(bucket, async (changes, cancellationToken) =>
            {
                var found = new List<string>();
                var filter = TableClient.CreateQueryFilter($"PartitionKey eq {bucket} and ChangedAt ge {since}");
                await foreach (var entity in changes.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
                {
                    found.Add(entity.RowKey);
                }

                return found;
            }, cancellationToken);
            changed.UnionWith(names);
        }

        return changed;
    }

    /// <summary>
    /// <see cref="StartForgettingAsync"/>, then <see cref="FinishForgettingAsync"/>. A forget that
    /// fails part way leaves the marker behind, so the next forget of the chat finishes it.
    /// </summary>
    public async Task<bool> ForgetAsync(string chatId, CancellationToken cancellationToken)
    {
        if (!await StartForgettingAsync(chatId, cancellationToken))
        {
            return false;
        }

        await FinishForgettingAsync(chatId, cancellationToken);
        return true;
    }

    /// <summary>
    /// The forget's first step, one transaction of [delete the user row, write the marker]: from
    /// here on no rating can be written (a rating's transaction needs the user row). For a chat whose
    /// user row is gone already, the marker is written only if its partition still holds rows (a
    /// forget that stopped part way). False when nothing at all is held: nothing is written then.
    /// </summary>
    internal Task<bool> StartForgettingAsync(string chatId, CancellationToken cancellationToken) =>
        _tables.OnUsersAsync(chatId, async (users, cancellationToken) =>
        {
            var marker = new TableEntity(chatId, ForgettingRow) { ["ForgettingSince"] = _time.GetUtcNow() };
            try
            {
                await users.SubmitTransactionAsync(
                    [
                        new(TableTransactionActionType.Delete, new TableEntity(chatId, UserRow), ETag.All),
                        new(TableTransactionActionType.UpsertReplace, marker),
                    ],
                    cancellationToken);
                return true;
            }
            catch (TableTransactionFailedException e) when (e.Status == 404 && !TableStorage.IsTableMissing(e))
            {
                // No user row: an unknown chat, or one whose earlier forget stopped part way.
            }

            if ((await RowKeysAsync(users, chatId, cancellationToken)).Count == 0)
            {
                return false;
            }

            await users.UpsertEntityAsync(marker, TableUpdateMode.Replace, cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>
    /// The rest of the forget, each step safe to run again: every row of the partition but the
    /// marker deleted, up to 100 a transaction; the note that tells the builder to drop the chat
    /// (<see cref="NoteForgottenAsync"/>); the chat's notes of other hours deleted; the marker last.
    /// </summary>
    internal async Task FinishForgettingAsync(string chatId, CancellationToken cancellationToken)
    {
        await _tables.OnUsersAsync(chatId, async (users, cancellationToken) =>
        {
            // A batch fails with 404 when a row in it went meanwhile (the same forget, tapped twice): list again.
            for (var pass = 1; ; pass++)
            {
                var rows = (await RowKeysAsync(users, chatId, cancellationToken)).Where(k => k != ForgettingRow);
                try
                {
                    foreach (var chunk in rows.Chunk(100))
                    {
                        await users.SubmitTransactionAsync(chunk.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(chatId, k), ETag.All)), cancellationToken);
                    }

                    return true;
                }
                catch (TableTransactionFailedException e) when (e.Status == 404 && !TableStorage.IsTableMissing(e) && pass < 3)
                {
                }
            }
        }, cancellationToken);

        var now = _time.GetUtcNow();
        await NoteForgottenAsync(chatId, now, cancellationToken);
        var notes = await _tables.ScanChangesAsync(async (changes, cancellationToken) =>
        {
            var found = new List<string>();
            await foreach (var note in changes.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {chatId}"), select: ["PartitionKey"], cancellationToken: cancellationToken))
            {
                found.Add(note.PartitionKey);
            }

            return found;
        }, cancellationToken);
        foreach (var bucket in notes.Where(b => b != BucketOf(now)))
        {
            // A note that is gone already (swept meanwhile) is answered 404, which the client does not throw for.
            await _tables.OnChangesAsync(bucket, async (changes, cancellationToken) => (await changes.DeleteEntityAsync(bucket, chatId, ETag.All, cancellationToken)).Status, cancellationToken);
        }

        await _tables.OnUsersAsync(chatId, async (users, cancellationToken) => (await users.DeleteEntityAsync(chatId, ForgettingRow, ETag.All, cancellationToken)).Status, cancellationToken);
    }

    /// <summary>
    /// The note that drops the chat from the neighbour pool at the next build. Lost, it would leave
    /// the person in the pool until the next full build: tried three times (each with the client's
    /// own retry), and if all fail the forget fails, the marker stays, and forgetting again finishes it.
    /// </summary>
    private async Task NoteForgottenAsync(string chatId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await NoteChangeAsync(chatId, at, cancellationToken);
                return;
            }
            catch (StoreUnavailableException) when (attempt < 3)
            {
            }
        }
    }

    private static async Task<List<string>> RowKeysAsync(TableClient users, string chatId, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var entity in users.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {chatId}"), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            keys.Add(entity.RowKey);
        }

        return keys;
    }

    /// <summary>Every note of the hours before <paramref name="olderThan"/>'s, one partition (hour) at a time.</summary>
    public Task<int> SweepChangeNotesAsync(DateTimeOffset olderThan, CancellationToken cancellationToken) =>
        _tables.DeleteChangesWhereAsync(TableClient.CreateQueryFilter($"PartitionKey lt {BucketOf(olderThan)}"), cancellationToken);

    /// <summary>The whole users table, read in pages of up to 1,000 entities.</summary>
    public async Task<IReadOnlyList<UserRatings>> ReadAllAsync(CancellationToken cancellationToken)
    {
        return await _tables.ScanUsersAsync(async (users, cancellationToken) =>
        {
            var all = new Dictionary<string, (bool Known, Dictionary<int, double> Stars, HashSet<int> Skipped)>(StringComparer.Ordinal);
            await foreach (var entity in users.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey", "Stars", "Skipped"], cancellationToken: cancellationToken))
            {
                if (!all.TryGetValue(entity.PartitionKey, out var user))
                {
                    user = (false, [], []);
                }

                all[entity.PartitionKey] = user with { Known = Read(entity, user.Stars, user.Skipped) || user.Known };
            }

            return all.Where(u => u.Value.Known).Select(u => new UserRatings(u.Key, u.Value.Stars, u.Value.Skipped)).ToList();
        }, cancellationToken);
    }

    private static async Task<UserRatings?> ReadUserAsync(TableClient users, string chatId, CancellationToken cancellationToken)
    {
        var known = false;
        var stars = new Dictionary<int, double>();
        var skipped = new HashSet<int>();
        var ratedAt = new Dictionary<int, DateTimeOffset>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {chatId}");
        await foreach (var entity in users.QueryAsync<TableEntity>(filter, select: ["RowKey", "Stars", "Skipped", "RatedAt", "Timestamp"], cancellationToken: cancellationToken))
        {
            known |= Read(entity, stars, skipped);
            if (entity.GetDouble("Stars") is not null && MovieIdOf(entity.RowKey) is { } movieId)
            {
                // Rows written before RatedAt existed have the service's own last-write time.
                ratedAt[movieId] = entity.GetDateTimeOffset("RatedAt") ?? entity.Timestamp ?? DateTimeOffset.UnixEpoch;
            }
        }

        return known ? new UserRatings(chatId, stars, skipped) { RatedAt = ratedAt } : null;
    }

    private Task<bool> NoteChangeAsync(string chatId, DateTimeOffset at, CancellationToken cancellationToken) =>
        _tables.OnChangesAsync(BucketOf(at), async (changes, cancellationToken) =>
        {
            await changes.UpsertEntityAsync(new TableEntity(BucketOf(at), chatId) { ["ChangedAt"] = at }, TableUpdateMode.Replace, cancellationToken);
            return true;
        }, cancellationToken);

    private static DateTimeOffset HourOf(DateTimeOffset at) =>
        new(at.UtcDateTime.Year, at.UtcDateTime.Month, at.UtcDateTime.Day, at.UtcDateTime.Hour, 0, 0, TimeSpan.Zero);

    private static string BucketOf(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture);

    /// <summary>Adds one entity of a user's partition to what is known of them; true for the user entity itself.</summary>
    private static bool Read(TableEntity entity, Dictionary<int, double> stars, HashSet<int> skipped)
    {
        if (entity.RowKey == UserRow)
        {
            return true;
        }

        if (MovieIdOf(entity.RowKey) is { } movieId)
        {
            if (entity.GetDouble("Stars") is { } value)
            {
                stars[movieId] = value;
            }
            else if (entity.GetBoolean("Skipped") == true)
            {
                skipped.Add(movieId);
            }
        }

        return false;
    }

    private static int? MovieIdOf(string rowKey) =>
        rowKey.StartsWith(RatingPrefix, StringComparison.Ordinal)
        && int.TryParse(rowKey.AsSpan(RatingPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var movieId)
            ? movieId
            : null;

    private static string RowKeyOf(int movieId) => RatingPrefix + movieId.ToString("D10", CultureInfo.InvariantCulture);
}
