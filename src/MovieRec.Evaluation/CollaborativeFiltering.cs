using MovieRec.Domain;

namespace MovieRec.Evaluation;

/// <summary>The user-based recommender as an evaluation candidate: each user is scored on their training ratings, with themself left out of the neighbours.</summary>
public static class CollaborativeFiltering
{
    /// <summary>The recommender as the product runs it: stars predicted, lists ranked by neighbour evidence.</summary>
    public static Candidate Candidate(string name, RecommenderOptions options) =>
        new(name, train => new Scorer(new UserBasedRecommender(train, options), rankByPrediction: false));

    /// <summary>The same model ranking by its predicted stars instead: what the product did before evidence ranking.</summary>
    public static Candidate RankedByPrediction(string name, RecommenderOptions options) =>
        new(name, train => new Scorer(new UserBasedRecommender(train, options), rankByPrediction: true));

    /// <summary>The recommender for people outside the matrix (the held-out-users protocol): what the product answers.</summary>
    public static PersonCandidate ForPeople(string name, RecommenderOptions options) =>
        new(name, train => new PersonRanker(new UserBasedRecommender(train, options)));

    private sealed class PersonRanker(UserBasedRecommender model) : IPersonRanker
    {
        public IReadOnlyList<int> Rank(RatingProfile given, int n) => model.Rank(given, excludeUser: -1, n);
    }

    private sealed class Scorer(UserBasedRecommender model, bool rankByPrediction) : IUserScorer
    {
        public double[]? PredictStars(int userIndex) => model.ScoreAll(ProfileOf(userIndex), excludeUser: userIndex);

        public IReadOnlyList<int> Rank(int userIndex, int n)
        {
            if (rankByPrediction)
            {
                return Ranking.Top(model.Matrix, userIndex, model.ScoreAll(ProfileOf(userIndex), excludeUser: userIndex), n);
            }

            return model.Rank(ProfileOf(userIndex), excludeUser: userIndex, n);
        }

        private RatingProfile ProfileOf(int userIndex) =>
            RatingProfile.FromIndices(model.Matrix.MoviesRatedBy(userIndex).ToArray(), model.Matrix.StarsGivenBy(userIndex).ToArray());
    }
}
