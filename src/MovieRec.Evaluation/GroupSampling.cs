using MovieRec.Domain;

namespace MovieRec.Evaluation;

/// <summary>How a group's members are drawn from the held-out people.</summary>
public enum Grouping
{
    /// <summary>Any members, uniformly.</summary>
    Random,

    /// <summary>A random first member and the held-out people whose given ratings are nearest theirs by cosine.</summary>
    Similar,
}

/// <summary>
/// A person left out of the training matrix: the ratings they give the recommender, and the films
/// they rated 4 stars or more among the rest (their truth).
/// </summary>
public sealed record HeldOutMember(int UserIndex, RatingProfile Given, IReadOnlySet<int> Relevant);

/// <summary>The people and the groups of the group evaluation (docs/quality.md, "Groups").</summary>
public static class GroupSampling
{
    /// <summary>
    /// <paramref name="given"/> of the user's ratings drawn at random are what they tell the
    /// recommender; the rest is their truth. Null when they have no relevant film left to find.
    /// </summary>
    public static HeldOutMember? HoldOut(RatingMatrix ratings, int user, int given, Random random)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        ArgumentNullException.ThrowIfNull(random);
        var movies = ratings.MoviesRatedBy(user).ToArray();
        var stars = ratings.StarsGivenBy(user).ToArray();
        var order = Enumerable.Range(0, movies.Length).ToArray();
        random.Shuffle(order);
        var told = order.Take(given).ToArray();
        var relevant = order.Skip(given).Where(i => stars[i] >= OfflineEvaluation.RelevantStars).Select(i => movies[i]).ToHashSet();
        return relevant.Count == 0
            ? null
            : new HeldOutMember(user, RatingProfile.FromIndices([.. told.Select(i => movies[i])], [.. told.Select(i => stars[i])]), relevant);
    }

    /// <summary>
    /// The positions in <paramref name="pool"/> of one group of <paramref name="size"/>: any, or
    /// (similar) a random first member and their <see cref="Nearest"/>.
    /// </summary>
    public static int[] Draw(IReadOnlyList<RatingProfile> pool, int size, Grouping grouping, Random random)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, pool.Count);
        if (grouping == Grouping.Random)
        {
            var positions = Enumerable.Range(0, pool.Count).ToArray();
            random.Shuffle(positions);
            return positions[..size];
        }

        return Nearest(pool, random.Next(pool.Count), size);
    }

    /// <summary>
    /// <paramref name="first"/> and the <paramref name="size"/> − 1 others whose given ratings have
    /// the highest cosine with theirs, highest first, ties to the earlier position.
    /// </summary>
    public static int[] Nearest(IReadOnlyList<RatingProfile> pool, int first, int size)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, pool.Count);
        return
        [
            first,
            .. Enumerable.Range(0, pool.Count)
                .Where(p => p != first)
                .OrderByDescending(p => Cosine(pool[first], pool[p]))
                .Take(size - 1),
        ];
    }

    /// <summary>The cosine of two people's star vectors (0 for a film one of them did not rate).</summary>
    public static double Cosine(RatingProfile a, RatingProfile b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        double dot = 0;
        for (int i = 0, j = 0; i < a.Count && j < b.Count;)
        {
            if (a.Movies[i] < b.Movies[j])
            {
                i++;
            }
            else if (a.Movies[i] > b.Movies[j])
            {
                j++;
            }
            else
            {
                dot += (double)a.Stars[i++] * b.Stars[j++];
            }
        }

        return dot == 0 ? 0 : dot / (Norm(a) * Norm(b));
    }

    private static double Norm(RatingProfile profile) => Math.Sqrt(profile.Stars.Sum(s => (double)s * s));
}
