namespace MovieRec.Storage;

/// <summary>A registered user's ratings (movie id to stars) and the movies they said they have not seen.</summary>
public sealed record UserRatings(string ChatId, IReadOnlyDictionary<int, double> StarsByMovie, IReadOnlySet<int> Skipped)
{
    /// <summary>Every movie the user has rated or skipped: none of them is offered or recommended again.</summary>
    public IReadOnlySet<int> Answered => StarsByMovie.Keys.Concat(Skipped).ToHashSet();
}
