using System.Buffers;

namespace MovieRec.Domain;

/// <summary>
/// What goes on the list: the ranking neighbours' votes (similarity^power, damped by the movie's
/// popularity) plus a small popularity prior that orders what they did not vote on, so a list is
/// never short. Ranks far better than the predicted stars (docs/quality.md).
/// </summary>
internal static class EvidenceRanking
{
    /// <summary>The <paramref name="topN"/> movie indices with the most evidence, best first; never rated or excluded ones.</summary>
    public static int[] Rank(TrainedRatings trained, Neighbourhood neighbourhood, RatingProfile profile, int topN, IReadOnlyCollection<int>? excludedMovies)
    {
        var matrix = trained.Matrix;
        var evidence = ArrayPool<double>.Shared.Rent(matrix.MovieCount);
        try
        {
            Accumulate(trained, neighbourhood.RankingNeighbours, evidence);

            // Rated and excluded movies get -∞, which is never picked.
            foreach (var rated in profile.Movies)
            {
                evidence[rated] = double.NegativeInfinity;
            }

            foreach (var movie in excludedMovies ?? [])
            {
                evidence[movie] = double.NegativeInfinity;
            }

            var best = new TopN(topN);
            for (var m = 0; m < matrix.MovieCount; m++)
            {
                best.Offer(m, evidence[m], matrix.MovieId(m));
            }

            return best.TakeBest().Items;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(evidence);
        }
    }

    /// <summary>
    /// The ranking score of every movie. The community's votes for a movie count up to
    /// <see cref="RecommenderOptions.CommunityEvidenceCap"/> times MovieLens's own neighbours' votes for it.
    /// </summary>
    private static void Accumulate(TrainedRatings trained, (int[] Users, double[] Similarities) ranking, double[] evidence)
    {
        var matrix = trained.Matrix;
        var options = trained.Options;
        var bounds = trained.BoundsCommunity;
        var movies = matrix.MovieCount;
        var prior = options.PriorWeight;
        var community = bounds ? ArrayPool<double>.Shared.Rent(movies) : evidence;
        try
        {
            for (var m = 0; m < movies; m++)
            {
                evidence[m] = bounds ? 0 : prior * trained.Popularity[m];
            }

            if (bounds)
            {
                Array.Clear(community, 0, movies);
            }

            var (users, similarities) = ranking;
            var likedOnly = options.EvidenceFrom == EvidenceFrom.RatersWhoLikedIt;
            var byStars = options.EvidenceFrom == EvidenceFrom.StarWeighted;
            for (var n = 0; n < users.Length; n++)
            {
                var user = users[n];
                var votes = trained.IsCommunity[user] ? community : evidence;
                var vote = Math.Pow(similarities[n], options.SimilarityPower);
                var end = matrix.RowStart[user + 1];
                for (var p = matrix.RowStart[user]; p < end; p++)
                {
                    if (!likedOnly || matrix.RowStars[p] >= trained.UserMean[user])
                    {
                        var stars = byStars ? matrix.RowStars[p] / StarScale.Max : 1;
                        votes[matrix.RowMovie[p]] += vote * stars * DampingOf(trained, matrix.RowMovie[p]);
                    }
                }
            }

            if (bounds)
            {
                var cap = options.CommunityEvidenceCap;
                for (var m = 0; m < movies; m++)
                {
                    evidence[m] = (prior * trained.Popularity[m]) + evidence[m] + Math.Min(community[m], cap * evidence[m]);
                }
            }
        }
        finally
        {
            if (bounds)
            {
                ArrayPool<double>.Shared.Return(community);
            }
        }
    }

    private static double DampingOf(TrainedRatings trained, int movie) =>
        trained.Options.PopularityDamping == 0 ? 1 : Math.Pow(Math.Max(1, trained.Matrix.RatingCountOf(movie)), -trained.Options.PopularityDamping);
}
