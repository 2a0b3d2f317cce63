using MovieRec.Domain;

namespace MovieRec.Domain.Tests;

/// <summary>Small matrices whose similarities and predictions the tests work out by hand.</summary>
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

    public static RatingProfile Profile(RatingMatrix matrix, params (int MovieId, double Stars)[] ratings) =>
        RatingProfile.FromMovieIds(matrix, ratings.ToDictionary(r => r.MovieId, r => r.Stars));
}
