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
/// </summary>
public sealed class TableRatingStore : IRatingStore
{
    private const string UserRow = "user";
    private const string RatingPrefix = "rating-";

    private readonly TableStorage _tables;

    public TableRatingStore(TableStorage tables)
    {
        _tables = tables;
    }

    public async Task<bool> TryRegisterAsync(string chatId, CancellationToken cancellationToken)
    {
        return await _tables.OnUsersAsync(async (users, cancellationToken) =>
        {
            try
            {
                await users.AddEntityAsync(new TableEntity(chatId, UserRow) { ["RegisteredAt"] = DateTimeOffset.UtcNow }, cancellationToken);
                return true;
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                return false;
            }
        }, cancellationToken);
    }

    /// <summary>One partition query.</summary>
    public async Task<UserRatings?> GetRatingsAsync(string chatId, CancellationToken cancellationToken)
    {
        return await _tables.OnUsersAsync(async (users, cancellationToken) =>
        {
            var known = false;
            var stars = new Dictionary<int, double>();
            var skipped = new HashSet<int>();
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {chatId}");
            await foreach (var entity in users.QueryAsync<TableEntity>(filter, select: ["RowKey", "Stars", "Skipped"], cancellationToken: cancellationToken))
            {
                if (entity.RowKey == UserRow)
                {
                    known = true;
                }
                else if (entity.RowKey.StartsWith(RatingPrefix, StringComparison.Ordinal)
                    && int.TryParse(entity.RowKey.AsSpan(RatingPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var movieId))
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
            }

            return known ? new UserRatings(chatId, stars, skipped) : null;
        }, cancellationToken);
    }

    /// <summary>The user entity is touched in the same transaction, so the rating is written only if the user exists.</summary>
    public async Task<bool> SaveRatingAsync(string chatId, int movieId, double stars, CancellationToken cancellationToken)
    {
        return await _tables.OnUsersAsync(async (users, cancellationToken) =>
        {
            var now = DateTimeOffset.UtcNow;
            TableTransactionAction[] actions =
            [
                new(TableTransactionActionType.UpdateMerge, new TableEntity(chatId, UserRow) { ["LastRatedAt"] = now }, ETag.All),
                new(TableTransactionActionType.UpsertReplace, new TableEntity(chatId, RowKeyOf(movieId)) { ["Stars"] = stars, ["RatedAt"] = now }),
            ];
            try
            {
                await users.SubmitTransactionAsync(actions, cancellationToken);
                return true;
            }
            catch (TableTransactionFailedException e) when (e.Status == 404 && !TableStorage.IsTableMissing(e))
            {
                return false;
            }
        }, cancellationToken);
    }

    /// <summary>An insert: it fails (409) on a movie already rated or skipped, and then there is nothing to do.</summary>
    public async Task<bool> SaveSkipAsync(string chatId, int movieId, CancellationToken cancellationToken)
    {
        return await _tables.OnUsersAsync(async (users, cancellationToken) =>
        {
            var now = DateTimeOffset.UtcNow;
            TableTransactionAction[] actions =
            [
                new(TableTransactionActionType.UpdateMerge, new TableEntity(chatId, UserRow) { ["LastSkippedAt"] = now }, ETag.All),
                new(TableTransactionActionType.Add, new TableEntity(chatId, RowKeyOf(movieId)) { ["Skipped"] = true, ["SkippedAt"] = now }),
            ];
            try
            {
                await users.SubmitTransactionAsync(actions, cancellationToken);
                return true;
            }
            catch (TableTransactionFailedException e) when (e.Status == 409)
            {
                return true;
            }
            catch (TableTransactionFailedException e) when (e.Status == 404 && !TableStorage.IsTableMissing(e))
            {
                return false;
            }
        }, cancellationToken);
    }

    private static string RowKeyOf(int movieId) => RatingPrefix + movieId.ToString("D10", CultureInfo.InvariantCulture);
}
