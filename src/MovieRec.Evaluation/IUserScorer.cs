namespace MovieRec.Evaluation;

/// <summary>A model trained on one split, asked about the users of that split.</summary>
public interface IUserScorer
{
    /// <summary>Predicted stars for every movie index, or null for a model that only ranks.</summary>
    double[]? PredictStars(int userIndex);

    /// <summary>The best <paramref name="n"/> movie indices the user has not rated in training, best first.</summary>
    IReadOnlyList<int> Rank(int userIndex, int n);
}
