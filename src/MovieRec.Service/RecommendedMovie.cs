using MovieRec.Domain;

namespace MovieRec.Service;

/// <summary>A movie recommended to a user, with its predicted stars.</summary>
public sealed record RecommendedMovie(Movie Movie, double Score);
