namespace MovieRec.Domain;

/// <summary>
/// One person's ratings as matrix movie indices (ascending) and stars. The person need not
/// be a user of the matrix; ratings of movies the matrix does not know are left out.
/// </summary>
public sealed class RatingProfile
{
    private RatingProfile(int[] movies, float[] stars)
    {
        Movies = movies;
        Stars = stars;
    }

    public int[] Movies { get; }

    public float[] Stars { get; }

    public int Count => Movies.Length;

    public static RatingProfile FromMovieIds(RatingMatrix matrix, IReadOnlyDictionary<int, double> starsByMovieId)
    {
        var movies = new List<int>(starsByMovieId.Count);
        var stars = new List<float>(starsByMovieId.Count);
        foreach (var (movieId, value) in starsByMovieId)
        {
            if (matrix.TryGetMovieIndex(movieId, out var index))
            {
                movies.Add(index);
                stars.Add((float)value);
            }
        }

        return FromIndices([.. movies], [.. stars]);
    }

    /// <summary>Takes ownership of the arrays and sorts them by movie index.</summary>
    public static RatingProfile FromIndices(int[] movies, float[] stars)
    {
        Array.Sort(movies, stars);
        return new RatingProfile(movies, stars);
    }
}
