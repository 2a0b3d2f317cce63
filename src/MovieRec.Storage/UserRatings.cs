namespace MovieRec.Storage;

/// <summary>A registered user's ratings: movie id to stars.</summary>
public sealed record UserRatings(string ChatId, IReadOnlyDictionary<int, double> StarsByMovie);
