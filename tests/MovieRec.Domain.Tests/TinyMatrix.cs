using MovieRec.Domain;

namespace MovieRec.Domain.Tests;

/// <summary>Small matrices whose similarities, predictions and rankings the tests work out by hand.</summary>
internal static class TinyMatrix
{
    /// <summary>
    /// Users 1–3, movies 10–40:
    /// u1: 10→5, 20→3, 30→4; u2: 10→1, 20→5, 40→2; u3: 20→4, 30→2, 40→5.
    /// </summary>
    public static RatingMatrix ThreeUsers()
    {
        var builder = new RatingMatrixBuilder();
        builder.Add(1, 10, 5);
        builder.Add(1, 20, 3);
        builder.Add(1, 30, 4);
        builder.Add(2, 10, 1);
        builder.Add(2, 20, 5);
        builder.Add(2, 40, 2);
        builder.Add(3, 20, 4);
        builder.Add(3, 30, 2);
        builder.Add(3, 40, 5);
        return builder.Build();
    }

    /// <summary>
    /// Five users and movies 1–9 for ranking by who rated what. A person who rated movies 1 and 2 has
    /// these cosines (movies in common ÷ √(2 · movies the user rated)):
    /// v1 rated 1→4, 2→4, 5→4 (mean 4): 2/√6;
    /// v2 rated 1→5, 5→1, 6→5, 7→5 (mean 4): 1/√8;
    /// v3 rated 2→3, 6→5 (mean 4): 1/√4 = 0.5;
    /// v4 rated 8→3, 9→4 and v5 rated 9→5: nothing in common.
    /// </summary>
    public static RatingMatrix FiveUsers()
    {
        var builder = new RatingMatrixBuilder();
        foreach (var (user, movie, stars) in new[]
        {
            (1, 1, 4f), (1, 2, 4f), (1, 5, 4f),
            (2, 1, 5f), (2, 5, 1f), (2, 6, 5f), (2, 7, 5f),
            (3, 2, 3f), (3, 6, 5f),
            (4, 8, 3f), (4, 9, 4f),
            (5, 9, 5f),
        })
        {
            builder.Add(user, movie, stars);
        }

        return builder.Build();
    }

    public static MovieCatalog CatalogOf(RatingMatrix matrix) =>
        new(Enumerable.Range(0, matrix.MovieCount).Select(m => new Movie(matrix.MovieId(m), $"Movie {matrix.MovieId(m)} (1999)", "", null)));

    public static RatingProfile Profile(RatingMatrix matrix, params (int MovieId, double Stars)[] ratings) =>
        RatingProfile.FromMovieIds(matrix, ratings.ToDictionary(r => r.MovieId, r => r.Stars));

    public static int Index(RatingMatrix matrix, int movieId) =>
        matrix.TryGetMovieIndex(movieId, out var index) ? index : throw new ArgumentException($"No movie {movieId}.");
}
