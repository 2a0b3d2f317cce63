using System.Buffers;

namespace MovieRec.Domain;

/// <summary>
/// For the rating flow: the chance a person has seen each film, given what they rated and what they
/// skipped ("Haven't seen it"). The person is taken to watch like one of MovieLens's users, unknown
/// which: each user is weighted by how well their rated films explain the person's answers (a film
/// the person rated counts for the users who rated it, the more the fewer did; a skipped film counts
/// against them), and a film's chance is the weighted share of the nearest users who rated it. Every
/// user watched a few films they did not rate and rated none of a few they watched
/// (<see cref="Stray"/>), so no one answer decides alone. Without answers the chance is each film's
/// share of raters. Counted over MovieLens's own users only: app users cannot move a film up
/// everyone's offers. Immutable and safe to share between threads.
/// </summary>
public sealed class SeenChances
{
    private readonly RatingMatrix _matrix;
    private readonly bool[] _counted;
    private readonly float[] _share;

    public SeenChances(RatingMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        _matrix = matrix;
        _counted = new bool[matrix.UserCount];
        var users = 0;
        for (var u = 0; u < matrix.UserCount; u++)
        {
            // The community's rows have negative ids (NeighbourPool).
            _counted[u] = matrix.UserId(u) >= 0;
            users += _counted[u] ? 1 : 0;
        }

        _share = new float[matrix.MovieCount];
        for (var m = 0; m < matrix.MovieCount; m++)
        {
            var raters = 0;
            for (var p = matrix.ColumnStart[m]; p < matrix.ColumnStart[m + 1]; p++)
            {
                raters += _counted[matrix.ColumnUser[p]] ? 1 : 0;
            }

            // Smoothed: a film nobody rated still has a small chance, so rating it is evidence, not a division by zero.
            _share[m] = (raters + 1f) / (users + 2f);
        }
    }

    /// <summary>How far a user's ratings stray from what they watched: the chance they saw a film (as the population sees it) whatever their row says.</summary>
    public double Stray { get; init; } = 0.05;

    /// <summary>How many of the best-explaining users a film's chance is counted over.</summary>
    public int Neighbours { get; init; } = 200;

    /// <summary>How sharply the weights follow the evidence: 1 is the plain likelihood, less spreads them over more users.</summary>
    public double Sharpness { get; init; } = 0.35;

    /// <summary>
    /// The <paramref name="count"/> films (movie indices) the person most likely saw, best first, with
    /// their chances; never one they rated or skipped. <paramref name="excludeUser"/> is a matrix row
    /// never counted (the person's own), or -1.
    /// </summary>
    public (int[] Movies, double[] Chances) Likeliest(IReadOnlyCollection<int> rated, IReadOnlyCollection<int> skipped, int excludeUser, int count)
    {
        ArgumentNullException.ThrowIfNull(rated);
        ArgumentNullException.ThrowIfNull(skipped);
        var users = _matrix.UserCount;
        var movies = _matrix.MovieCount;
        var evidence = ArrayPool<double>.Shared.Rent(users);
        var seen = ArrayPool<double>.Shared.Rent(movies);
        try
        {
            Array.Clear(evidence, 0, users);
            var stray = Stray;
            foreach (var movie in rated)
            {
                // Log-likelihood ratio of "rated it" for a user who rated the film against one who did not.
                var share = _share[movie];
                Add(evidence, movie, Math.Log((1 - stray + (stray * share)) / (stray * share)));
            }

            foreach (var movie in skipped)
            {
                // The same for "has not seen it": a user who rated the film explains a skip badly.
                var share = _share[movie];
                Add(evidence, movie, Math.Log(stray * (1 - share) / (1 - (stray * share))));
            }

            var nearest = new TopN(rated.Count + skipped.Count > 0 ? Neighbours : 0);
            for (var u = 0; u < users; u++)
            {
                if (_counted[u] && u != excludeUser)
                {
                    nearest.Offer(u, evidence[u], u);
                }
            }

            var (people, scores) = nearest.TakeBest();
            Array.Clear(seen, 0, movies);
            double total = 0;
            for (var n = 0; n < people.Length; n++)
            {
                // Relative to the best, so the exponent never overflows.
                var weight = Math.Exp(Sharpness * (scores[n] - scores[0]));
                total += weight;
                foreach (var movie in _matrix.MoviesRatedBy(people[n]))
                {
                    seen[movie] += weight;
                }
            }

            foreach (var movie in rated)
            {
                seen[movie] = double.NaN;
            }

            foreach (var movie in skipped)
            {
                seen[movie] = double.NaN;
            }

            var best = new TopN(count);
            for (var m = 0; m < movies; m++)
            {
                if (double.IsNaN(seen[m]))
                {
                    continue; // answered
                }

                // A user who rated the film saw it (but for strays); one who did not saw it as often as the population strays into it.
                var watched = total > 0 ? seen[m] / total : _share[m];
                best.Offer(m, ((1 - stray) * watched) + (stray * _share[m]), m);
            }

            return best.TakeBest();
        }
        finally
        {
            ArrayPool<double>.Shared.Return(evidence);
            ArrayPool<double>.Shared.Return(seen);
        }
    }

    /// <summary>Adds <paramref name="lift"/> to the evidence of every user who rated the film.</summary>
    private void Add(double[] evidence, int movie, double lift)
    {
        for (var p = _matrix.ColumnStart[movie]; p < _matrix.ColumnStart[movie + 1]; p++)
        {
            evidence[_matrix.ColumnUser[p]] += lift;
        }
    }
}
