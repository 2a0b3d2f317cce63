using MovieRec.Domain;

namespace MovieRec.Evaluation;

/// <summary>
/// EASE (Steck 2019), the anchor the recommender is measured against on held-out users: an
/// item-to-item weight matrix in closed form, B = I − P·diag(1/diag(P)) with P = (XᵀX + λI)⁻¹,
/// X the training users' who-rated-what matrix, and a person's scores x·B. Only films with at
/// least <c>minRaters</c> training ratings take part, so the inversion stays a few thousand rows.
/// </summary>
public sealed class Ease : IPersonRanker
{
    private readonly int[] _movieOf;
    private readonly int[] _itemOf;
    private readonly double[] _p;
    private readonly int _n;

    public Ease(RatingMatrix train, double lambda, int minRaters)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lambda);
        _movieOf = Enumerable.Range(0, train.MovieCount).Where(m => train.RatingCountOf(m) >= minRaters).ToArray();
        _n = _movieOf.Length;
        _itemOf = Enumerable.Repeat(-1, train.MovieCount).ToArray();
        for (var i = 0; i < _n; i++)
        {
            _itemOf[_movieOf[i]] = i;
        }

        // G = XᵀX + λI, lower triangle from each user's pairs of films, then mirrored.
        _p = new double[_n * _n];
        var items = new List<int>();
        for (var u = 0; u < train.UserCount; u++)
        {
            items.Clear();
            foreach (var movie in train.MoviesRatedBy(u))
            {
                if (_itemOf[movie] >= 0)
                {
                    items.Add(_itemOf[movie]);
                }
            }

            for (var a = 0; a < items.Count; a++)
            {
                var row = items[a] * _n;
                for (var b = 0; b <= a; b++)
                {
                    _p[row + items[b]]++;
                }
            }
        }

        for (var i = 0; i < _n; i++)
        {
            _p[(i * _n) + i] += lambda;
            for (var j = 0; j < i; j++)
            {
                var lower = Math.Max(_p[(i * _n) + j], _p[(j * _n) + i]);
                _p[(i * _n) + j] = _p[(j * _n) + i] = lower;
            }
        }

        SymmetricInverse.Invert(_p, _n);
    }

    /// <summary>
    /// For the offers tried against <see cref="SeenChances"/> (<see cref="OfferVariants"/>): each film's
    /// score x·B with the rated films as +1 and the skipped ones as −<paramref name="skipWeight"/>, in
    /// movie-index order; NaN for films that take no part.
    /// </summary>
    public double[] SeenScores(IEnumerable<int> rated, IEnumerable<int> skipped, double skipWeight)
    {
        ArgumentNullException.ThrowIfNull(rated);
        ArgumentNullException.ThrowIfNull(skipped);
        var score = new double[_n];
        foreach (var (movies, sign) in new[] { (rated, 1.0), (skipped, -skipWeight) })
        {
            foreach (var i in movies.Select(m => _itemOf[m]).Where(i => i >= 0))
            {
                var row = _p.AsSpan(i * _n, _n);
                for (var j = 0; j < _n; j++)
                {
                    score[j] += sign * row[j];
                }
            }
        }

        var result = Enumerable.Repeat(double.NaN, _itemOf.Length).ToArray();
        for (var j = 0; j < _n; j++)
        {
            result[_movieOf[j]] = -score[j] / _p[(j * _n) + j];
        }

        return result;
    }

    /// <summary>Films that take part (at least the minimum of training ratings).</summary>
    public int Films => _n;

    public static PersonCandidate Candidate(double lambda, int minRaters) =>
        new(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"EASE (λ={lambda}, films with ≥ {minRaters} ratings)"), train => new Ease(train, lambda, minRaters));

    public IReadOnlyList<int> Rank(RatingProfile given, int n)
    {
        ArgumentNullException.ThrowIfNull(given);
        var score = new double[_n];
        foreach (var movie in given.Movies)
        {
            var i = _itemOf[movie];
            if (i < 0)
            {
                continue;
            }

            var row = _p.AsSpan(i * _n, _n);
            for (var j = 0; j < _n; j++)
            {
                score[j] += row[j];
            }
        }

        // B[i,j] = −P[i,j] / P[j,j]; a film's own diagonal is never used (given films are not listed).
        var best = new TopN(n);
        var excluded = new HashSet<int>(given.Movies);
        for (var j = 0; j < _n; j++)
        {
            if (!excluded.Contains(_movieOf[j]))
            {
                best.Offer(_movieOf[j], -score[j] / _p[(j * _n) + j], _movieOf[j]);
            }
        }

        return best.TakeBest().Items;
    }
}
