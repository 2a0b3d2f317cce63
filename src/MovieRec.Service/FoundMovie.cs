using MovieRec.Domain;

namespace MovieRec.Service;

/// <summary>A film a title search found, with the asking person's rating or skip of it when known.</summary>
public sealed record FoundMovie(Movie Movie, double? YourRating, bool Skipped);
