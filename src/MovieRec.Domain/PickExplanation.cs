namespace MovieRec.Domain;

/// <summary>The numbers behind a pick, read from the ranking neighbours' rows: what a reason says.</summary>
internal static class PickExplanation
{
    private const int MaxSharedFavourites = 3;

    /// <summary>The person's movies rated <see cref="UserBasedRecommender.LovedStars"/> or more, with their stars.</summary>
    public static List<(int Movie, float Stars)> FavouritesOf(RatingProfile profile)
    {
        var favourites = new List<(int Movie, float Stars)>();
        for (var r = 0; r < profile.Count; r++)
        {
            if (profile.Stars[r] >= UserBasedRecommender.LovedStars)
            {
                favourites.Add((profile.Movies[r], profile.Stars[r]));
            }
        }

        return favourites;
    }

    /// <summary>How many neighbours rated the movie and their mean stars, and which of the person's favourites those who loved it also loved.</summary>
    public static RecommendationEvidence Explain(TrainedRatings trained, int movie, List<(int Movie, float Stars)> favourites, int[] neighbours)
    {
        var matrix = trained.Matrix;
        var alsoLoved = new int[favourites.Count];
        var raters = 0;
        double stars = 0;
        foreach (var user in neighbours)
        {
            if (StarsOf(matrix, user, movie) is not { } given)
            {
                continue;
            }

            raters++;
            stars += given;
            if (given < UserBasedRecommender.LovedStars)
            {
                continue;
            }

            for (var f = 0; f < favourites.Count; f++)
            {
                if (StarsOf(matrix, user, favourites[f].Movie) >= UserBasedRecommender.LovedStars)
                {
                    alsoLoved[f]++;
                }
            }
        }

        var shared = favourites
            .Select((favourite, f) => new SharedFavourite(matrix.MovieId(favourite.Movie), favourite.Stars, alsoLoved[f]))
            .Where(s => s.AlsoLovedBy > 0)
            .OrderByDescending(s => s.AlsoLovedBy)
            .ThenByDescending(s => s.YourStars)
            .ThenBy(s => s.MovieId)
            .Take(MaxSharedFavourites)
            .ToList();
        return new RecommendationEvidence(
            neighbours.Length,
            raters,
            raters == 0 ? 0 : stars / raters,
            shared,
            matrix.RatingCountOf(movie),
            trained.MovieMean[movie]);
    }

    /// <summary>The stars a matrix user gave a movie, or null; rows are sorted by movie index.</summary>
    private static float? StarsOf(RatingMatrix matrix, int user, int movie)
    {
        var start = matrix.RowStart[user];
        var at = Array.BinarySearch(matrix.RowMovie, start, matrix.RowStart[user + 1] - start, movie);
        return at >= 0 ? matrix.RowStars[at] : null;
    }
}
