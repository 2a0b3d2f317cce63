using MovieRec.Domain;

namespace MovieRec.Testing;

/// <summary>Small matrices whose similarities, predictions and rankings the tests work out by hand.</summary>
public static class TinyMatrix
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

    /// <summary>
    /// For the ranking cosine's shrink and α. A person who rated movies 1 and 2 shares one film with
    /// a (who rated 1 and 3): cosine 1/√(2·2) = 0.5, and two with b (who rated 1, 2 and 4–11, ten
    /// films): 2/√(2·10) = 0.447.
    /// </summary>
    public static RatingMatrix ShortAndLongProfiles()
    {
        var builder = new RatingMatrixBuilder();
        builder.Add(1, 1, 4);
        builder.Add(1, 3, 4);
        foreach (var movie in new[] { 1, 2, 4, 5, 6, 7, 8, 9, 10, 11 })
        {
            builder.Add(2, movie, 4);
        }

        return builder.Build();
    }

    /// <summary>
    /// For film weighting. Four users: a rated 1 and 3, b rated 2 and 4, c and d rated 1 and 5. Film 1
    /// has three raters of four, films 2, 3 and 4 one each. A person who rated 1 and 2 shares one film
    /// with each of a, b, c and d: every unweighted cosine is 1/√(2·2) = 0.5.
    /// </summary>
    public static RatingMatrix CommonAndRareFilms()
    {
        var builder = new RatingMatrixBuilder();
        foreach (var (user, movie) in new[] { (1, 1), (1, 3), (2, 2), (2, 4), (3, 1), (3, 5), (4, 1), (4, 5) })
        {
            builder.Add(user, movie, 4);
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
