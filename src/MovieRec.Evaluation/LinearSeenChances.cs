using MovieRec.Domain;

namespace MovieRec.Evaluation;

/// <summary>
/// A way of choosing offers tried against <see cref="SeenChances"/> and not kept (docs/quality.md):
/// the best linear guess of whether a person saw each film, given their answers. Who-rated-what is
/// taken as one draw of a correlated variable per film (1 rated, 0 not); a rated film is a 1, a
/// skipped one a 0, and every other film's expected value given those is its share of raters plus
/// the covariances with the answered films times (C_answered + λI)⁻¹ (answers − their shares).
/// </summary>
public sealed class LinearSeenChances
{
    private readonly RatingMatrix _matrix;
    private readonly double _ridge;
    private readonly double[] _share;
    private readonly int[][] _raters;

    public LinearSeenChances(RatingMatrix matrix, double ridge)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ridge);
        _matrix = matrix;
        _ridge = ridge;
        var users = matrix.UserCount;
        _share = [.. Enumerable.Range(0, matrix.MovieCount).Select(m => (matrix.RatingCountOf(m) + 1.0) / (users + 2.0))];
        var raters = Enumerable.Range(0, matrix.MovieCount).Select(_ => new List<int>()).ToArray();
        for (var u = 0; u < users; u++)
        {
            foreach (var movie in matrix.MoviesRatedBy(u))
            {
                raters[movie].Add(u);
            }
        }

        _raters = [.. raters.Select(r => r.ToArray())];
    }

    /// <summary>Every film's expected chance of having been seen (movie index order); answered films are NaN.</summary>
    public double[] Chances(IReadOnlyList<int> rated, IReadOnlyList<int> skipped)
    {
        ArgumentNullException.ThrowIfNull(rated);
        ArgumentNullException.ThrowIfNull(skipped);
        var answered = rated.Concat(skipped).ToArray();
        var users = (double)_matrix.UserCount;
        var covariance = new double[answered.Length, answered.Length];
        var surprise = new double[answered.Length];
        var raterOf = new bool[_matrix.UserCount];
        for (var a = 0; a < answered.Length; a++)
        {
            surprise[a] = (a < rated.Count ? 1 : 0) - _share[answered[a]];
            Array.Clear(raterOf);
            foreach (var u in _raters[answered[a]])
            {
                raterOf[u] = true;
            }

            for (var b = 0; b < answered.Length; b++)
            {
                var both = _raters[answered[b]].Count(u => raterOf[u]);
                covariance[a, b] = (both / users) - (_share[answered[a]] * _share[answered[b]]) + (a == b ? _ridge : 0);
            }
        }

        var weights = Solve(covariance, surprise);

        // Σ_a w_a·C(j, a) = (Σ over users of their summed weights × rated j) / users − share_j · Σ_a w_a·share_a.
        var perUser = new double[_matrix.UserCount];
        double shift = 0;
        for (var a = 0; a < answered.Length; a++)
        {
            shift += weights[a] * _share[answered[a]];
            foreach (var u in _raters[answered[a]])
            {
                perUser[u] += weights[a];
            }
        }

        var chances = new double[_matrix.MovieCount];
        for (var u = 0; u < _matrix.UserCount; u++)
        {
            if (perUser[u] != 0)
            {
                foreach (var movie in _matrix.MoviesRatedBy(u))
                {
                    chances[movie] += perUser[u];
                }
            }
        }

        for (var m = 0; m < chances.Length; m++)
        {
            chances[m] = (_share[m] * (1 - shift)) + (chances[m] / users);
        }

        foreach (var movie in answered)
        {
            chances[movie] = double.NaN;
        }

        return chances;
    }

    /// <summary>Gaussian elimination with partial pivoting: the systems here are a few dozen rows across.</summary>
    internal static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = (double[,])a.Clone();
        var x = (double[])b.Clone();
        for (var c = 0; c < n; c++)
        {
            var pivot = c;
            for (var r = c + 1; r < n; r++)
            {
                pivot = Math.Abs(m[r, c]) > Math.Abs(m[pivot, c]) ? r : pivot;
            }

            for (var k = 0; k < n; k++)
            {
                (m[c, k], m[pivot, k]) = (m[pivot, k], m[c, k]);
            }

            (x[c], x[pivot]) = (x[pivot], x[c]);
            for (var r = c + 1; r < n; r++)
            {
                var f = m[r, c] / m[c, c];
                for (var k = c; k < n; k++)
                {
                    m[r, k] -= f * m[c, k];
                }

                x[r] -= f * x[c];
            }
        }

        for (var c = n - 1; c >= 0; c--)
        {
            var s = x[c];
            for (var k = c + 1; k < n; k++)
            {
                s -= m[c, k] * x[k];
            }

            x[c] = s / m[c, c];
        }

        return x;
    }
}
