using MovieRec.Domain;

namespace MovieRec.Evaluation;

/// <summary>The simple models every recommender must beat, trained on the same splits.</summary>
public static class Baselines
{
    public const string MostPopular = "Most popular";

    public static IReadOnlyList<Candidate> All { get; } =
    [
        new("Global mean", train => new TableScorer(train, (_, _) => train.GlobalMean, predictsStars: true)),
        new("User mean", train => new TableScorer(train, UserMeanOf(train), predictsStars: true)),
        new("Item mean", train => new TableScorer(train, ItemMeanOf(train), predictsStars: true)),
        new(MostPopular, train => new TableScorer(train, (_, m) => train.RatingCountOf(m), predictsStars: false)),
        new("Baseline (damped biases)", train =>
        {
            var model = new UserBasedRecommender(train, new RecommenderOptions { Centering = Centering.Baseline });
            return new BiasScorer(model);
        }),
    ];

    private static Func<int, int, double> UserMeanOf(RatingMatrix train)
    {
        var means = new double[train.UserCount];
        for (var u = 0; u < train.UserCount; u++)
        {
            var stars = train.StarsGivenBy(u);
            means[u] = stars.Length == 0 ? train.GlobalMean : Sum(stars) / stars.Length;
        }

        return (u, _) => means[u];
    }

    private static Func<int, int, double> ItemMeanOf(RatingMatrix train)
    {
        var sums = new double[train.MovieCount];
        for (var u = 0; u < train.UserCount; u++)
        {
            var movies = train.MoviesRatedBy(u);
            var stars = train.StarsGivenBy(u);
            for (var i = 0; i < movies.Length; i++)
            {
                sums[movies[i]] += stars[i];
            }
        }

        return (_, m) => train.RatingCountOf(m) == 0 ? train.GlobalMean : sums[m] / train.RatingCountOf(m);
    }

    private static double Sum(ReadOnlySpan<float> values)
    {
        double sum = 0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum;
    }

    private sealed class TableScorer(RatingMatrix train, Func<int, int, double> score, bool predictsStars) : IUserScorer
    {
        public double[]? PredictStars(int userIndex) => predictsStars ? Scores(userIndex) : null;

        public IReadOnlyList<int> Rank(int userIndex, int n) => Ranking.Top(train, userIndex, Scores(userIndex), n);

        private double[] Scores(int userIndex)
        {
            var scores = new double[train.MovieCount];
            for (var m = 0; m < scores.Length; m++)
            {
                scores[m] = score(userIndex, m);
            }

            return scores;
        }
    }

    /// <summary>The biases alone: what the recommender falls back to where no neighbour rated a movie.</summary>
    private sealed class BiasScorer(UserBasedRecommender model) : IUserScorer
    {
        public double[]? PredictStars(int userIndex) => model.BaselineStars(userIndex);

        public IReadOnlyList<int> Rank(int userIndex, int n) => Ranking.Top(model.Matrix, userIndex, model.BaselineStars(userIndex), n);
    }
}
