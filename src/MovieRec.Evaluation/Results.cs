namespace MovieRec.Evaluation;

/// <summary>Accuracy of predicted stars over all held-out ratings of all folds.</summary>
public sealed record AccuracyResult(string Name, double Rmse, double Mae, int Predictions);

/// <summary>Top-n quality, averaged over users with at least one relevant held-out rating.</summary>
public sealed record TopNResult(string Name, double Precision, double Recall, double Ndcg, int Users);
