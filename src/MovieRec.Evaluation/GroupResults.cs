using MovieRec.Domain;

namespace MovieRec.Evaluation;

/// <summary>One way of picking a group's list, scored over a cell's groups: the members' mean nDCG@10 and the worst member's, each averaged over the groups.</summary>
public sealed record GroupMethodScore(string Method, double MeanNdcg, double WorstNdcg);

/// <summary>
/// The groups of one size drawn one way, pooled over the seeds. <see cref="MeanCosine"/> is the
/// average cosine of the members' given ratings over every pair in a group, averaged over groups.
/// </summary>
public sealed record GroupCell(int Size, Grouping Grouping, int Groups, double MeanCosine, IReadOnlyList<GroupMethodScore> Scores);

/// <summary>One seed's split: users in the training matrix, and held-out people with something relevant left to find.</summary>
public sealed record GroupSplit(int Seed, int TrainUsers, int ValidationPeople, int TestPeople);

/// <summary>The group evaluation: validation cells (which chose <see cref="Default"/>) and test cells (which report it).</summary>
public sealed record GroupEvaluationResult(
    IReadOnlyList<GroupSplit> Splits, IReadOnlyList<GroupCell> Validation, IReadOnlyList<GroupCell> Test, GroupStrategy Default);
