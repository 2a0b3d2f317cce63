using System.Collections.Concurrent;

namespace MovieRec.Storage;

/// <summary>
/// The ratings in this process's memory, with the semantics of <see cref="TableRatingStore"/>:
/// insert-if-absent registration, a rating written only for a known user, concurrent ratings
/// of one user all kept. For tests above the store; nothing survives the process.
/// </summary>
public sealed class InMemoryRatingStore : IRatingStore
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<int, double>> _users = new(StringComparer.Ordinal);

    public Task<bool> TryRegisterAsync(string chatId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_users.TryAdd(chatId, new ConcurrentDictionary<int, double>()));
    }

    public Task<UserRatings?> GetRatingsAsync(string chatId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_users.TryGetValue(chatId, out var stars)
            ? new UserRatings(chatId, new Dictionary<int, double>(stars))
            : null);
    }

    public Task<bool> SaveRatingAsync(string chatId, int movieId, double stars, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!_users.TryGetValue(chatId, out var ratings))
        {
            return Task.FromResult(false);
        }

        ratings[movieId] = stars;
        return Task.FromResult(true);
    }
}
