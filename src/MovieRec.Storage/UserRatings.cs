namespace MovieRec.Storage;

/// <summary>
/// A registered user's ratings (movie id to stars), when each was given, and the movies they said
/// they have not seen.
/// </summary>
public sealed record UserRatings(string ChatId, IReadOnlyDictionary<int, double> StarsByMovie, IReadOnlySet<int> Skipped)
{
    /// <summary>When each rating was given (movie id to time); every rated movie has one.</summary>
    public IReadOnlyDictionary<int, DateTimeOffset> RatedAt { get; init; } = new Dictionary<int, DateTimeOffset>();

    /// <summary>Every movie the user has rated or skipped: none of them is offered or recommended again.</summary>
    public IReadOnlySet<int> Answered => StarsByMovie.Keys.Concat(Skipped).ToHashSet();
}
