namespace MovieRec.Domain;

/// <summary>How the rating flow chooses a film before the neighbours' draw can (no rating yet, or nothing left among the neighbours' films).</summary>
public enum FirstOfferDraw
{
    /// <summary>At random, weighted by MovieLens ratings (<see cref="UnratedMoviePicker"/>).</summary>
    PopularityWeightedRandom,

    /// <summary>In order of popularity × entropy (<see cref="FirstOffers"/>).</summary>
    PopularityTimesEntropy,
}

/// <summary>
/// A newcomer's first offers, after Rashid et al. (2002): films in order of log₂(1 + raters) × the
/// entropy of their stars, so the first questions are films most people have seen and that split
/// opinion (a film everyone loves says little about a person). Counted over MovieLens's own users.
/// The same order for everyone; what a person answered is skipped. Immutable.
/// </summary>
public sealed class FirstOffers
{
    private readonly int[] _movieIds;

    public FirstOffers(RatingMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var score = new double[matrix.MovieCount];
        var counts = new int[(int)(StarScale.Max * 2) + 1];
        for (var m = 0; m < matrix.MovieCount; m++)
        {
            Array.Clear(counts);
            var raters = 0;
            for (var p = matrix.ColumnStart[m]; p < matrix.ColumnStart[m + 1]; p++)
            {
                // MovieLens's own rows only (the community's have negative ids): profiles cannot buy a place in everyone's first offers.
                if (matrix.UserId(matrix.ColumnUser[p]) >= 0)
                {
                    counts[(int)Math.Round(matrix.RowStars[matrix.ColumnEntry[p]] * 2)]++;
                    raters++;
                }
            }

            double entropy = 0;
            foreach (var count in counts)
            {
                if (count > 0)
                {
                    var share = (double)count / raters;
                    entropy -= share * Math.Log2(share);
                }
            }

            score[m] = Math.Log2(1 + raters) * entropy;
        }

        _movieIds = Enumerable.Range(0, matrix.MovieCount)
            .Where(m => score[m] > 0)
            .OrderByDescending(m => score[m])
            .ThenBy(matrix.MovieId)
            .Select(matrix.MovieId)
            .ToArray();
    }

    /// <summary>The highest-scoring film id not in <paramref name="answered"/>, or null when every film with a score is answered.</summary>
    public int? Next(IReadOnlySet<int> answered) => Leading(answered, 1) is [var first] ? first : null;

    /// <summary>The <paramref name="count"/> highest-scoring film ids not in <paramref name="answered"/>, best first (fewer when fewer are left).</summary>
    public IReadOnlyList<int> Leading(IReadOnlySet<int> answered, int count)
    {
        ArgumentNullException.ThrowIfNull(answered);
        return [.. _movieIds.Where(id => !answered.Contains(id)).Take(count)];
    }
}
