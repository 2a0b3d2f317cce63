namespace MovieRec.Evaluation;

/// <summary>A variant's mean nDCG@10 over every validation person (all validation folds pooled).</summary>
public sealed record ValidationResult(PersonCandidate Variant, double Ndcg, int People);

/// <summary>Hyper-parameters chosen on validation people only: the variant with the highest pooled nDCG wins.</summary>
public static class HeldOutChoice
{
    public const int ListLength = 10;

    /// <summary>Every variant on every validation split, best first (ties keep the given order).</summary>
    public static IReadOnlyList<ValidationResult> Rank(IEnumerable<PersonCandidate> variants, IReadOnlyList<HeldOutSplit> validation)
    {
        ArgumentNullException.ThrowIfNull(variants);
        ArgumentNullException.ThrowIfNull(validation);
        var results = new List<ValidationResult>();
        foreach (var variant in variants)
        {
            double sum = 0;
            var people = 0;
            foreach (var split in validation)
            {
                var scores = HeldOutScores.Of(variant.Name, variant.Train(split.Train), split, ListLength);
                sum += scores.Ndcg.Sum();
                people += scores.Ndcg.Length;
            }

            results.Add(new ValidationResult(variant, sum / people, people));
        }

        return results.OrderByDescending(r => r.Ndcg).ToList();
    }
}
