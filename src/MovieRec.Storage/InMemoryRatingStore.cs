using System.Collections.Concurrent;

namespace MovieRec.Storage;

/// <summary>
/// The ratings in this process's memory, with the semantics of <see cref="TableRatingStore"/>:
/// insert-if-absent registration, a rating or skip written only for a known user, concurrent
/// ratings of one user all kept, a rating replacing a skip and a skip never replacing a rating,
/// and each user's last rating time for the model builder. For tests and tools above the store;
/// nothing survives the process.
/// </summary>
public sealed class InMemoryRatingStore(TimeProvider time) : IRatingStore
{
    private readonly ConcurrentDictionary<string, User> _users = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _forgotten = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, User> _forgetting = new(StringComparer.Ordinal);

    public InMemoryRatingStore()
        : this(TimeProvider.System)
    {
    }

    public Task<bool> TryRegisterAsync(string chatId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_users.TryAdd(chatId, new User()));
    }


    public Task<UserRatings?> GetRatingsAsync(string chatId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!_users.TryGetValue(chatId, out var user))
        {
            return Task.FromResult<UserRatings?>(null);
        }

        lock (user)
        {
            return Task.FromResult<UserRatings?>(new UserRatings(chatId, new Dictionary<int, double>(user.Stars), new HashSet<int>(user.Skipped))
            {
                RatedAt = new Dictionary<int, DateTimeOffset>(user.RatedAt),
            });
        }
    }

    public Task<bool> SaveRatingAsync(string chatId, int movieId, double stars, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!_users.TryGetValue(chatId, out var user))
        {
            return Task.FromResult(false);
        }

        lock (user)
        {
            user.Stars[movieId] = stars;
            user.Skipped.Remove(movieId);
            user.ChangedAt = time.GetUtcNow();
            user.RatedAt[movieId] = user.ChangedAt;
        }

        return Task.FromResult(true);
    }

    public Task<bool> SaveSkipAsync(string chatId, int movieId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!_users.TryGetValue(chatId, out var user))
        {
            return Task.FromResult(false);
        }

        lock (user)
        {
            if (!user.Stars.ContainsKey(movieId))
            {
                user.Skipped.Add(movieId);
            }
        }

        return Task.FromResult(true);
    }

    public Task<IReadOnlySet<string>> ChangedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (chatId, forgottenAt) in _forgotten)
        {
            if (forgottenAt >= since)
            {
                changed.Add(chatId);
            }
        }

        foreach (var (chatId, user) in _users)
        {
            lock (user)
            {
                if (user.ChangedAt >= since)
                {
                    changed.Add(chatId);
                }
            }
        }

        return Task.FromResult<IReadOnlySet<string>>(changed);
    }

    public async Task<IReadOnlyList<UserRatings>> ReadUsersAsync(IReadOnlyCollection<string> chatIds, CancellationToken cancellationToken)
    {
        var read = new List<UserRatings>();
        foreach (var chatId in chatIds)
        {
            if (await GetRatingsAsync(chatId, cancellationToken) is { } user)
            {
                read.Add(user);
            }
        }

        return read;
    }

    public Task<IReadOnlyList<UserRatings>> ReadAllAsync(CancellationToken cancellationToken) => ReadUsersAsync(_users.Keys.ToList(), cancellationToken);

    public Task<Removal> RemoveAsync(string chatId, int movieId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!_users.TryGetValue(chatId, out var user))
        {
            return Task.FromResult(Removal.UnknownUser);
        }

        lock (user)
        {
            var removed = user.Stars.Remove(movieId) | user.Skipped.Remove(movieId);
            user.RatedAt.Remove(movieId);
            if (removed)
            {
                user.ChangedAt = time.GetUtcNow();
            }

            return Task.FromResult(removed ? Removal.Removed : Removal.NothingToRemove);
        }
    }

    /// <summary><see cref="StartForgettingAsync"/>, then <see cref="FinishForgettingAsync"/>, as the Table store does.</summary>
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
    /// The forget's first step: the user is taken out of the registered users, so no rating can be
    /// written from here on, and what they held waits in <c>_forgetting</c> (the Table store's
    /// partition and marker) until the forget finishes. False when nothing at all is held.
    /// </summary>
    internal Task<bool> StartForgettingAsync(string chatId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_users.TryRemove(chatId, out var user))
        {
            _forgetting[chatId] = user;
            return Task.FromResult(true);
        }

        return Task.FromResult(_forgetting.ContainsKey(chatId));
    }

    /// <summary>The rest: what the chat held is deleted, and the builder's note that it changed written.</summary>
    internal Task FinishForgettingAsync(string chatId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // The builder's note that the chat changed: it is dropped from the pool at the next build.
        _forgotten[chatId] = time.GetUtcNow();
        _forgetting.TryRemove(chatId, out _);
        return Task.CompletedTask;
    }

    public Task<int> SweepChangeNotesAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var swept = 0;
        foreach (var (chatId, forgottenAt) in _forgotten)
        {
            if (forgottenAt < olderThan && _forgotten.TryRemove(chatId, out _))
            {
                swept++;
            }
        }

        foreach (var user in _users.Values)
        {
            lock (user)
            {
                if (user.ChangedAt != DateTimeOffset.MinValue && user.ChangedAt < olderThan)
                {
                    user.ChangedAt = DateTimeOffset.MinValue;
                    swept++;
                }
            }
        }

        return Task.FromResult(swept);
    }

    private sealed class User
    {
        public DateTimeOffset ChangedAt { get; set; } = DateTimeOffset.MinValue;

        public Dictionary<int, double> Stars { get; } = [];

        public Dictionary<int, DateTimeOffset> RatedAt { get; } = [];

        public HashSet<int> Skipped { get; } = [];
    }
}
