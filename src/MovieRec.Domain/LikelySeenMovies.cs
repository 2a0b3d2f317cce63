namespace MovieRec.Domain;

/// <summary>
/// For the rating flow: movies the person has probably seen are those their ranking neighbours
/// rated (whatever the stars), each weighted by the summed similarity of the neighbours who rated it.
/// </summary>
internal static class LikelySeenMovies
{
    public static IReadOnlyList<(int Movie, double Weight)> Of(TrainedRatings trained, RatingProfile profile, int excludeUser, IReadOnlyCollection<int> excludedMovies)
    {
        var weight = new Dictionary<int, double>();
        var (users, similarities) = Neighbourhood.Of(trained, profile, excludeUser).RankingNeighbours;
        var excluded = new HashSet<int>(excludedMovies);
        excluded.UnionWith(profile.Movies);
        for (var n = 0; n < users.Length; n++)
        {
            foreach (var movie in trained.Matrix.MoviesRatedBy(users[n]))
            {
                if (!excluded.Contains(movie))
                {
                    weight[movie] = weight.GetValueOrDefault(movie) + similarities[n];
                }
            }
        }

        return weight.OrderBy(w => w.Key).Select(w => (w.Key, w.Value)).ToList();
    }
}
