using MovieRec.Domain;

namespace MovieRec.Evaluation;

/// <summary>A named model to evaluate: how to train it on a training matrix.</summary>
public sealed record Candidate(string Name, Func<RatingMatrix, IUserScorer> Train);
