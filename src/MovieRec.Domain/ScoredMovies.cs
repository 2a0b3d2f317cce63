namespace MovieRec.Domain;

/// <summary>Predicted stars for every movie of a matrix, and how many neighbours stood behind each.</summary>
public sealed record ScoredMovies(double[] Predicted, int[] Support);
