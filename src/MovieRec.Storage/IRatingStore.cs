namespace MovieRec.Storage;

/// <summary>
/// Users and their ratings. Two implementations hold to one contract suite
/// (tests/MovieRec.Storage.Tests/RatingStoreContract.cs): <see cref="TableRatingStore"/>, what the app
/// runs on, and <see cref="InMemoryRatingStore"/>, for tests above the store. A store that cannot
/// be reached throws <see cref="StoreUnavailableException"/>; one that answers and refuses a call
/// (a missing role, a request it finds malformed) throws <see cref="StoreRejectedException"/>.
/// </summary>
public interface IRatingStore
{
    /// <summary>Creates the user if absent. True for the one caller that created it, however many call at once.</summary>
    Task<bool> TryRegisterAsync(string chatId, CancellationToken cancellationToken);

    /// <summary>The user's ratings; null for an unknown chat id.</summary>
    Task<UserRatings?> GetRatingsAsync(string chatId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores (or replaces) a rating, durably once it returns; a skip of the movie ends. False for an
    /// unknown chat id; nothing is written then.
    /// </summary>
    Task<bool> SaveRatingAsync(string chatId, int movieId, double stars, CancellationToken cancellationToken);

    /// <summary>
    /// Records that the user has not seen the movie, durably once it returns. A movie already rated
    /// keeps its rating (a skip never erases one, whichever comes first under concurrency). False for
    /// an unknown chat id; nothing is written then.
    /// </summary>
    Task<bool> SaveSkipAsync(string chatId, int movieId, CancellationToken cancellationToken);

    /// <summary>
    /// The chat ids whose ratings may have changed at or after <paramref name="since"/>: every user
    /// with a rating saved since then, and possibly others (never fewer). What the model builder
    /// reads instead of every user; its cost follows the activity, not the user count.
    /// </summary>
    Task<IReadOnlySet<string>> ChangedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>
    /// These users' ratings, for the model builder (not a request: it may take longer than a
    /// request's budget); users who are not registered are left out.
    /// </summary>
    Task<IReadOnlyList<UserRatings>> ReadUsersAsync(IReadOnlyCollection<string> chatIds, CancellationToken cancellationToken);

    /// <summary>Every registered user's ratings: the model builder's full rebuild.</summary>
    Task<IReadOnlyList<UserRatings>> ReadAllAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Takes back the rating or the skip of a movie, as if never given, durably once it returns.
    /// </summary>
    Task<Removal> RemoveAsync(string chatId, int movieId, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes everything held about the chat: first the user (so no rating can be written from then
    /// on), then their ratings and skips, then their change notes but one, the note that tells the
    /// model builder to drop them from the neighbour pool at its next build (it expires with every
    /// note, <see cref="SweepChangeNotesAsync"/>). A forget that could not finish throws (the store
    /// is unavailable) and the next forget of the chat finishes it: true then too. False only for a
    /// chat of which nothing at all is held; nothing is written then.
    /// </summary>
    Task<bool> ForgetAsync(string chatId, CancellationToken cancellationToken);

    /// <summary>Deletes the change notes written before <paramref name="olderThan"/>; how many went.</summary>
    Task<int> SweepChangeNotesAsync(DateTimeOffset olderThan, CancellationToken cancellationToken);
}

/// <summary>What <see cref="IRatingStore.RemoveAsync"/> found.</summary>
public enum Removal
{
    /// <summary>The rating or skip is gone.</summary>
    Removed,

    /// <summary>The user had neither rated nor skipped the movie; nothing changed.</summary>
    NothingToRemove,

    /// <summary>The chat id is not registered; nothing changed.</summary>
    UnknownUser,
}
