using MovieRec.Domain;

namespace MovieRec.Service;

/// <summary>A movie recommended to a user, with its predicted stars and the sentence that says why.</summary>
public sealed record RecommendedMovie(Movie Movie, double Score, string Reason);

