namespace MovieRec.Evaluation;

/// <summary>Accuracy of predicted stars over all held-out ratings of all folds.</summary>
public sealed record AccuracyResult(string Name, double Rmse, double Mae, int Predictions);

/// <summary>
/// Top-n quality, averaged over users with at least one relevant held-out rating. Precision,
/// recall and nDCG are at <see cref="N"/>; <see cref="NdcgAt"/>[i] is nDCG@(i+1) up to the
/// longest list evaluated. Coverage is the share of the catalogue recommended to anyone;
/// popularity rank is 1 for the most-rated training movie, averaged over every recommendation.
/// </summary>
public sealed record TopNResult(
    string Name,
    int N,
    double Precision,
    double Recall,
    double Ndcg,
    double Coverage,
    double MeanPopularityRank,
    IReadOnlyList<double> NdcgAt,
    int Users);
