using MovieRec.Domain;

namespace MovieRec.Evaluation;

/// <summary>A model trained without a person, asked to rank for them from the ratings they gave.</summary>
public interface IPersonRanker
{
    /// <summary>The best <paramref name="n"/> movie indices of the training matrix, best first, never one in <paramref name="given"/>.</summary>
    IReadOnlyList<int> Rank(RatingProfile given, int n);
}

/// <summary>A named model for the held-out-users protocol: how to train it on the training users' matrix.</summary>
public sealed record PersonCandidate(string Name, Func<RatingMatrix, IPersonRanker> Train);
