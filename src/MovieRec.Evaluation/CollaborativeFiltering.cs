using MovieRec.Domain;

namespace MovieRec.Evaluation;

/// <summary>The user-based recommender as an evaluation candidate: each user is scored on their training ratings, with themself left out of the neighbours.</summary>
public static class CollaborativeFiltering
{
    public static Candidate Candidate(string name, RecommenderOptions options) =>
        new(name, train => new Scorer(new UserBasedRecommender(train, options)));

    private sealed class Scorer(UserBasedRecommender model) : IUserScorer
    {
        public double[]? PredictStars(int userIndex) => model.ScoreAll(ProfileOf(userIndex), excludeUser: userIndex).Predicted;

        public IReadOnlyList<int> Rank(int userIndex, int n)
        {
            var picks = model.Recommend(ProfileOf(userIndex), excludeUser: userIndex, n);
            var ranked = new List<int>(picks.Count);
            foreach (var pick in picks)
            {
                model.Matrix.TryGetMovieIndex(pick.MovieId, out var index);
                ranked.Add(index);
            }

            return ranked;
        }

        private RatingProfile ProfileOf(int userIndex) =>
            RatingProfile.FromIndices(model.Matrix.MoviesRatedBy(userIndex).ToArray(), model.Matrix.StarsGivenBy(userIndex).ToArray());
    }
}
