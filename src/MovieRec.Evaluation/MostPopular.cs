using MovieRec.Domain;

namespace MovieRec.Evaluation;

/// <summary>The films with the most training ratings, the same list for everyone (less what they gave).</summary>
public sealed class MostPopular(RatingMatrix train) : IPersonRanker
{
    public static PersonCandidate Candidate { get; } = new(Baselines.MostPopular, train => new MostPopular(train));

    public IReadOnlyList<int> Rank(RatingProfile given, int n)
    {
        ArgumentNullException.ThrowIfNull(given);
        var excluded = new HashSet<int>(given.Movies);
        var best = new TopN(n);
        for (var m = 0; m < train.MovieCount; m++)
        {
            if (!excluded.Contains(m))
            {
                best.Offer(m, train.RatingCountOf(m), m);
            }
        }

        return best.TakeBest().Items;
    }
}
