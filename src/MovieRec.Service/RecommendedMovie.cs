using MovieRec.Domain;

namespace MovieRec.Service;

/// <summary>A movie recommended to a user, with its predicted stars and why, in any language of <see cref="PersonLanguage"/>.</summary>
public sealed record RecommendedMovie(Movie Movie, double Score, RecommendationReason Why);

