using MovieRec.Domain;

namespace MovieRec.Evaluation;

/// <summary>One way of picking a group's list, scored over a cell's groups: the members' mean nDCG@10 and the worst member's, each averaged over the groups.</summary>
public sealed record GroupMethodScore(string Method, double MeanNdcg, double WorstNdcg);

/// <summary>
/// The groups of one size drawn one way, pooled over the seeds. <see cref="MeanCosine"/> is the
/// average cosine of the members' given ratings over every pair in a group, averaged over groups.
/// <see cref="PerGroup"/> holds each group's members' mean and worst member's nDCG per method, in
/// <see cref="GroupEvaluation.Methods"/> order, side by side.
/// </summary>
public sealed record GroupCell(
    int Size, Grouping Grouping, int Groups, double MeanCosine, IReadOnlyList<GroupMethodScore> Scores, IReadOnlyList<double[]> PerGroup)
{
    /// <summary>
    /// How far <paramref name="method"/> is ahead of <paramref name="other"/> on the same groups,
    /// on the members' mean and on the worst member, each with the standard error of that mean difference.
    /// </summary>
    public (double Mean, double MeanError, double Worst, double WorstError) Lead(string method, string other)
    {
        var (m, o) = (IndexOf(method), IndexOf(other));
        var (mean, meanError) = MeanAndError([.. PerGroup.Select(g => g[2 * m] - g[2 * o])]);
        var (worst, worstError) = MeanAndError([.. PerGroup.Select(g => g[(2 * m) + 1] - g[(2 * o) + 1])]);
        return (mean, meanError, worst, worstError);
    }

    private static int IndexOf(string method) =>
        GroupEvaluation.Methods.ToList().IndexOf(method) is var at and >= 0 ? at : throw new ArgumentException($"No method '{method}'.", nameof(method));

    private static (double Mean, double Error) MeanAndError(double[] values)
    {
        var mean = values.Average();
        var variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
        return (mean, Math.Sqrt(variance / values.Length));
    }
}

/// <summary>One seed's split: users in the training matrix, and held-out people with something relevant left to find.</summary>
public sealed record GroupSplit(int Seed, int TrainUsers, int ValidationPeople, int TestPeople);

/// <summary>The group evaluation: validation cells (which chose <see cref="Default"/>) and test cells (which report it).</summary>
public sealed record GroupEvaluationResult(
    IReadOnlyList<GroupSplit> Splits, IReadOnlyList<GroupCell> Validation, IReadOnlyList<GroupCell> Test, GroupStrategy Default);
