using MovieRec.Storage;

namespace MovieRec.Testing;

/// <summary>
/// The in-memory store (held to the Table store's contract) with what tests above the store
/// need: the number of store calls made, and a switch that makes every call an outage.
/// </summary>
/// <param name="time">The store's clock (when ratings and change notes were written); the system clock by default.</param>
public sealed class ObservedRatingStore(TimeProvider? time = null) : IRatingStore
{
    private readonly InMemoryRatingStore _inner = new(time ?? TimeProvider.System);
    private int _calls;
    private int _changes;
    private int _usersRead;

    /// <summary>How many store calls (round trips, for the Table store) have been made.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>How many of them changed something: a user created, a rating or a skip stored.</summary>
    public int Changes => Volatile.Read(ref _changes);

    /// <summary>When true every call throws <see cref="StoreUnavailableException"/>, as an unreachable store does.</summary>
    public bool Broken { get; set; }

    /// <summary>When true every call throws <see cref="StoreRejectedException"/>, as a store that refuses the app (a missing role) does.</summary>
    public bool Rejects { get; set; }

    /// <summary>Awaited before each registration reaches the store: holds registrations in flight, as a slow store's round trips are.</summary>
    public Func<Task>? BeforeRegistering { get; set; }

    public async Task<bool> TryRegisterAsync(string chatId, CancellationToken cancellationToken)
    {
        if (BeforeRegistering is { } wait)
        {
            await wait();
        }

        return await Observe(() => _inner.TryRegisterAsync(chatId, cancellationToken), changed: created => created);
    }

    public Task<UserRatings?> GetRatingsAsync(string chatId, CancellationToken cancellationToken) =>
        Observe(() => _inner.GetRatingsAsync(chatId, cancellationToken));

    public Task<bool> SaveRatingAsync(string chatId, int movieId, double stars, CancellationToken cancellationToken) =>
        Observe(() => _inner.SaveRatingAsync(chatId, movieId, stars, cancellationToken), changed: saved => saved);

    public Task<bool> SaveSkipAsync(string chatId, int movieId, CancellationToken cancellationToken) =>
        Observe(() => _inner.SaveSkipAsync(chatId, movieId, cancellationToken), changed: saved => saved);

    public Task<IReadOnlySet<string>> ChangedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        Observe(() => _inner.ChangedSinceAsync(since, cancellationToken));

    /// <summary>How many users the builder's reads of chosen users (<see cref="ReadUsersAsync"/>) asked for.</summary>
    public int UsersRead => Volatile.Read(ref _usersRead);

    public Task<IReadOnlyList<UserRatings>> ReadUsersAsync(IReadOnlyCollection<string> chatIds, CancellationToken cancellationToken)
    {
        Interlocked.Add(ref _usersRead, chatIds.Count);
        return Observe(() => _inner.ReadUsersAsync(chatIds, cancellationToken));
    }

    /// <summary>When true a read of every user throws <see cref="StoreUnavailableException"/>, as one past its budget does.</summary>
    public bool FullReadsFail { get; set; }

    public Task<IReadOnlyList<UserRatings>> ReadAllAsync(CancellationToken cancellationToken) =>
        FullReadsFail
            ? Task.FromException<IReadOnlyList<UserRatings>>(new StoreUnavailableException("The test made full reads fail."))
            : Observe(() => _inner.ReadAllAsync(cancellationToken));

    public Task<Removal> RemoveAsync(string chatId, int movieId, CancellationToken cancellationToken) =>
        Observe(() => _inner.RemoveAsync(chatId, movieId, cancellationToken), changed: removal => removal == Removal.Removed);

    public Task<bool> ForgetAsync(string chatId, CancellationToken cancellationToken) =>
        Observe(() => _inner.ForgetAsync(chatId, cancellationToken), changed: forgotten => forgotten);

    public Task<int> SweepChangeNotesAsync(DateTimeOffset olderThan, CancellationToken cancellationToken) =>
        Observe(() => _inner.SweepChangeNotesAsync(olderThan, cancellationToken));

    private async Task<T> Observe<T>(Func<Task<T>> call, Func<T, bool>? changed = null)
    {
        Interlocked.Increment(ref _calls);
        if (Broken)
        {
            throw new StoreUnavailableException("The test switched the store off.");
        }

        if (Rejects)
        {
            throw new StoreRejectedException(403, "The store refused the call: 403 (AuthorizationPermissionMismatch).");
        }

        var result = await call();
        if (changed?.Invoke(result) == true)
        {
            Interlocked.Increment(ref _changes);
        }

        return result;
    }
}
