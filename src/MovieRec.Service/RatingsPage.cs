using MovieRec.Domain;

namespace MovieRec.Service;

/// <summary>A page of a person's ratings, newest first, and how many there are in all.</summary>
public sealed record RatingsPage(int Total, IReadOnlyList<GivenRating> Ratings);

/// <summary>One of a person's ratings: the film, the stars, when.</summary>
public sealed record GivenRating(Movie Movie, double Stars, DateTimeOffset RatedAt);
