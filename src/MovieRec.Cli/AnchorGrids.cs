using MovieRec.Evaluation;

namespace MovieRec.Cli;

/// <summary>The knobs each anchor is tuned over on the validation folds (docs/quality.md), in the ranges the literature found best on MovieLens.</summary>
internal static class AnchorGrids
{
    private static readonly double[] EaseLambdas = [250, 500, 1000, 2000, 4000];
    private static readonly int[] Rp3Neighbours = [200, 400, 800];
    private static readonly double[] Rp3Alphas = [0.5, 1.0];
    private static readonly double[] Rp3Betas = [0.3, 0.5, 0.7];
    private static readonly int[] ItemNeighboursK = [100, 200, 400, 800];
    private static readonly double[] ItemShrinks = [0, 20, 100];

    public static IReadOnlyList<PersonCandidate> Ease(int minRaters) => [.. EaseLambdas.Select(l => Evaluation.Ease.Candidate(l, minRaters))];

    public static IReadOnlyList<PersonCandidate> Rp3Beta() =>
        [.. from k in Rp3Neighbours from a in Rp3Alphas from b in Rp3Betas select ItemNeighbours.Rp3Beta(k, a, b)];

    public static IReadOnlyList<PersonCandidate> ItemKnn() =>
        [.. from k in ItemNeighboursK from s in ItemShrinks select ItemNeighbours.ItemKnn(k, s)];
}
