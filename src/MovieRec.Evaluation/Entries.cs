using MovieRec.Domain;

namespace MovieRec.Evaluation;

/// <summary>A matrix's ratings as flat columns, to be split and rebuilt into training matrices.</summary>
internal sealed class Entries
{
    public Entries(RatingMatrix matrix)
    {
        Matrix = matrix;
        User = new int[matrix.RatingCount];
        Movie = new int[matrix.RatingCount];
        Stars = new float[matrix.RatingCount];
        var e = 0;
        for (var u = 0; u < matrix.UserCount; u++)
        {
            var movies = matrix.MoviesRatedBy(u);
            var stars = matrix.StarsGivenBy(u);
            for (var i = 0; i < movies.Length; i++, e++)
            {
                User[e] = u;
                Movie[e] = movies[i];
                Stars[e] = stars[i];
            }
        }

        UserIds = Enumerable.Range(0, matrix.UserCount).Select(matrix.UserId).ToArray();
        MovieIds = Enumerable.Range(0, matrix.MovieCount).Select(matrix.MovieId).ToArray();
    }

    public RatingMatrix Matrix { get; }

    public int[] User { get; }

    public int[] Movie { get; }

    public float[] Stars { get; }

    public int[] UserIds { get; }

    public int[] MovieIds { get; }

    public int Count => Stars.Length;

    /// <summary>A matrix of the entries <paramref name="inTrain"/> selects, with the same user and movie indices as the full one.</summary>
    public RatingMatrix Train(bool[] inTrain)
    {
        var count = inTrain.Count(x => x);
        var user = new int[count];
        var movie = new int[count];
        var stars = new float[count];
        var t = 0;
        for (var e = 0; e < Count; e++)
        {
            if (inTrain[e])
            {
                user[t] = User[e];
                movie[t] = Movie[e];
                stars[t] = Stars[e];
                t++;
            }
        }

        return RatingMatrix.Create(UserIds, MovieIds, user, movie, stars);
    }
}
