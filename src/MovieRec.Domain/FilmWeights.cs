namespace MovieRec.Domain;

/// <summary>
/// The weights of the who-rated-what vectors the ranking's cosine compares (<see cref="FilmWeighting"/>):
/// a user u's entry for film i is <c>LengthFactor(u) · Idf(i)</c>. Counted over MovieLens's own users,
/// so the community cannot shift them. Immutable.
/// </summary>
internal sealed class FilmWeights
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    private readonly FilmWeighting _weighting;
    private readonly double _meanLength;

    public FilmWeights(RatingMatrix matrix, FilmWeighting weighting, bool[] isCommunity)
    {
        _weighting = weighting;
        var users = 0;
        long ratings = 0;
        var raters = new int[matrix.MovieCount];
        for (var u = 0; u < matrix.UserCount; u++)
        {
            if (isCommunity[u])
            {
                continue;
            }

            users++;
            ratings += matrix.RowStart[u + 1] - matrix.RowStart[u];
            foreach (var movie in matrix.MoviesRatedBy(u))
            {
                raters[movie]++;
            }
        }

        _meanLength = users == 0 ? 1 : (double)ratings / users;
        SquaredWeight = new float[matrix.MovieCount];
        for (var m = 0; m < matrix.MovieCount; m++)
        {
            var idf = weighting == FilmWeighting.None ? 1 : Math.Log((double)Math.Max(users, 1) / Math.Max(raters[m], 1));
            SquaredWeight[m] = (float)(idf * idf);
        }

        LengthFactor = new float[matrix.UserCount];
        SquaredLength = new float[matrix.UserCount];
        for (var u = 0; u < matrix.UserCount; u++)
        {
            var movies = matrix.MoviesRatedBy(u);
            LengthFactor[u] = (float)LengthFactorOf(movies.Length);
            SquaredLength[u] = (float)SquaresOf(movies);
        }
    }

    /// <summary>Idf(i)²: what one film both rated adds to the dot product, before the length factors.</summary>
    public float[] SquaredWeight { get; }

    /// <summary>Each user's BM25 length factor (1 unless BM25).</summary>
    public float[] LengthFactor { get; }

    /// <summary>Σ Idf(i)² over each user's films: their vector's squared length, before the length factor.</summary>
    public float[] SquaredLength { get; }

    /// <summary>BM25's factor for a profile of <paramref name="length"/> films with a binary term frequency; 1 otherwise.</summary>
    public double LengthFactorOf(int length) =>
        _weighting == FilmWeighting.Bm25 ? (K1 + 1) / ((K1 * (1 - B + (B * length / _meanLength))) + 1) : 1;

    /// <summary>Σ Idf(i)² over <paramref name="movies"/>.</summary>
    public double SquaresOf(ReadOnlySpan<int> movies)
    {
        double squares = 0;
        foreach (var movie in movies)
        {
            squares += SquaredWeight[movie];
        }

        return squares;
    }
}
