using MovieRec.Domain;
using MovieRec.Evaluation;

namespace MovieRec.Cli;

/// <summary>The variants docs/quality.md compares the defaults with: one knob, or one pair of knobs, moved at a time.</summary>
internal static class EvaluationGrid
{
    public static IEnumerable<Candidate> Accuracy()
    {
        var d = new RecommenderOptions();
        yield return Variant(d with { Centering = Centering.None });
        yield return Variant(d with { Centering = Centering.UserMean });
        foreach (var similarityShrinkage in new[] { 0, 25, 50, 100, 200 })
        {
            foreach (var shrinkage in new[] { 0, 0.25, 0.5, 1 })
            {
                yield return Variant(d with { SimilarityShrinkage = similarityShrinkage, PredictionShrinkage = shrinkage });
            }
        }

        foreach (var k in new[] { 30, 100, 200 })
        {
            yield return Variant(d with { Neighbours = k });
        }

        foreach (var (movies, users) in new[] { (5.0, 15.0), (25.0, 15.0), (10.0, 5.0), (10.0, 25.0) })
        {
            yield return Variant(d with { MovieBiasRegularisation = movies, UserBiasRegularisation = users });
        }
    }

    public static IEnumerable<Candidate> Ranking()
    {
        var d = new RecommenderOptions();
        foreach (var similarity in Enum.GetValues<RankingSimilarity>())
        {
            foreach (var evidence in Enum.GetValues<EvidenceFrom>())
            {
                foreach (var k in new[] { 20, 30, 50, 80, 120 })
                {
                    foreach (var power in new[] { 1.0, 2.0, 3.0 })
                    {
                        yield return Variant(d with { RankingSimilarity = similarity, EvidenceFrom = evidence, RankingNeighbours = k, SimilarityPower = power });
                    }
                }
            }
        }

        foreach (var damping in new[] { 0.1, 0.2, 0.3, 0.5 })
        {
            yield return Variant(d with { PopularityDamping = damping });
        }

        foreach (var prior in new[] { 0.0, 0.1, 1.0 })
        {
            yield return Variant(d with { PriorWeight = prior });
        }
    }

    private static Candidate Variant(RecommenderOptions options) => CollaborativeFiltering.Candidate($"CF {EvalCommand.Describe(options)}", options);
}
