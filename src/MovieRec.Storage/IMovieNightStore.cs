namespace MovieRec.Storage;

/// <summary>
/// The groups' movie nights, shared by every instance: a press on one instance sees what a press
/// on another one wrote. Changes are conditional on the version read, so two presses at once
/// cannot lose each other's change, and a night moves from one stage to the next exactly once.
/// Two implementations hold to one contract suite (tests/MovieRec.Storage.Tests/MovieNightStoreContract.cs):
/// <see cref="TableMovieNightStore"/> and <see cref="InMemoryMovieNightStore"/>.
/// </summary>
public interface IMovieNightStore
{
    /// <summary>Records a new night, stamped with the store's clock; false when that message already has one.</summary>
    Task<bool> TryStartAsync(MovieNight night, CancellationToken cancellationToken);

    /// <summary>The night of a group's message; null when there is none (never started, or swept).</summary>
    Task<VersionedNight?> GetAsync(long chatId, int messageId, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the night if it is still as <paramref name="current"/> read it: the night as stored
    /// now, or null when it changed since (read it again and decide again) or is gone.
    /// </summary>
    Task<VersionedNight?> TryReplaceAsync(VersionedNight current, MovieNight next, CancellationToken cancellationToken);

    /// <summary>Deletes the nights started before <paramref name="olderThan"/> (docs/privacy.md); how many went.</summary>
    Task<int> SweepAsync(DateTimeOffset olderThan, CancellationToken cancellationToken);
}
