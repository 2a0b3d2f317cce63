using System.Diagnostics;
using MovieRec.Storage;

namespace MovieRec.Service;

/// <summary>Any ratings store with each call's duration recorded in <see cref="MovieRecMetrics.StoreDuration"/>.</summary>
internal sealed class MeasuredRatingStore(IRatingStore store, MovieRecMetrics metrics) : IRatingStore
{
    public Task<bool> TryRegisterAsync(string chatId, CancellationToken cancellationToken) =>
        MeasureAsync("register", () => store.TryRegisterAsync(chatId, cancellationToken));

    public Task<UserRatings?> GetRatingsAsync(string chatId, CancellationToken cancellationToken) =>
        MeasureAsync("read_ratings", () => store.GetRatingsAsync(chatId, cancellationToken));

    public Task<bool> SaveRatingAsync(string chatId, int movieId, double stars, CancellationToken cancellationToken) =>
        MeasureAsync("save_rating", () => store.SaveRatingAsync(chatId, movieId, stars, cancellationToken));

    public Task<bool> SaveSkipAsync(string chatId, int movieId, CancellationToken cancellationToken) =>
        MeasureAsync("save_skip", () => store.SaveSkipAsync(chatId, movieId, cancellationToken));

    public Task<IReadOnlySet<string>> ChangedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        MeasureAsync("read_changes", () => store.ChangedSinceAsync(since, cancellationToken));

    public Task<IReadOnlyList<UserRatings>> ReadUsersAsync(IReadOnlyCollection<string> chatIds, CancellationToken cancellationToken) =>
        MeasureAsync("read_users", () => store.ReadUsersAsync(chatIds, cancellationToken));

    public Task<IReadOnlyList<UserRatings>> ReadAllAsync(CancellationToken cancellationToken) =>
        MeasureAsync("read_all", () => store.ReadAllAsync(cancellationToken));

    public Task<Removal> RemoveAsync(string chatId, int movieId, CancellationToken cancellationToken) =>
        MeasureAsync("remove", () => store.RemoveAsync(chatId, movieId, cancellationToken));

    public Task<bool> ForgetAsync(string chatId, CancellationToken cancellationToken) =>
        MeasureAsync("forget", () => store.ForgetAsync(chatId, cancellationToken));

    public Task<int> SweepChangeNotesAsync(DateTimeOffset olderThan, CancellationToken cancellationToken) =>
        MeasureAsync("sweep_changes", () => store.SweepChangeNotesAsync(olderThan, cancellationToken));

    private async Task<T> MeasureAsync<T>(string operation, Func<Task<T>> call)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = "ok";
        try
        {
            return await call();
        }
        catch (StoreUnavailableException)
        {
            outcome = "unavailable";
            throw;
        }
        catch (StoreRejectedException)
        {
            outcome = "rejected";
            throw;
        }
        finally
        {
            metrics.StoreDuration.Record(
                Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                new KeyValuePair<string, object?>("operation", operation),
                new KeyValuePair<string, object?>("outcome", outcome));
        }
    }
}
