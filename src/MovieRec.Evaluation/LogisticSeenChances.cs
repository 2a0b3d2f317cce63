using MovieRec.Domain;

namespace MovieRec.Evaluation;

/// <summary>
/// A way of choosing offers tried against <see cref="SeenChances"/> and not kept (docs/quality.md):
/// a learned model of who saw what. Each film has a bias and a few factors, each training user a few
/// factors, and the chance a user rated a film is σ(bias + user·film), fitted to every cell of the
/// who-rated-what matrix (logistic matrix factorisation, full-batch Adam, L2). A person is fitted the
/// same way from their answers alone (rated 1, skipped 0; Newton's method on their factors, the film
/// factors fixed); with no answer their chance of each film is σ(bias), the film's popularity.
/// </summary>
public sealed class LogisticSeenChances
{
    private const double LearningRate = 0.05;

    private readonly int _factors;
    private readonly double _personRidge;
    private readonly double[] _bias;

    // Film m's factors are _film[m·factors .. (m+1)·factors).
    private readonly double[] _film;

    public LogisticSeenChances(RatingMatrix matrix, int factors, double ridge, double personRidge, int epochs, int seed)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(factors);
        _factors = factors;
        _personRidge = personRidge;
        var users = matrix.UserCount;
        var movies = matrix.MovieCount;
        var random = new Random(seed);
        var user = Enumerable.Range(0, users * factors).Select(_ => (random.NextDouble() - 0.5) * 0.1).ToArray();
        _film = [.. Enumerable.Range(0, movies * factors).Select(_ => (random.NextDouble() - 0.5) * 0.1)];
        _bias = [.. Enumerable.Range(0, movies).Select(m => Math.Log((matrix.RatingCountOf(m) + 1.0) / (users - matrix.RatingCountOf(m) + 1.0)))];

        var rated = new bool[movies];
        var (userAdam, filmAdam, biasAdam) = (new Adam(user.Length), new Adam(_film.Length), new Adam(movies));
        var (userGradient, filmGradient, biasGradient) = (new double[user.Length], new double[_film.Length], new double[movies]);
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            for (var i = 0; i < user.Length; i++)
            {
                userGradient[i] = ridge * user[i];
            }

            for (var i = 0; i < _film.Length; i++)
            {
                filmGradient[i] = ridge * _film[i];
            }

            Array.Clear(biasGradient);
            for (var u = 0; u < users; u++)
            {
                Array.Clear(rated);
                foreach (var m in matrix.MoviesRatedBy(u))
                {
                    rated[m] = true;
                }

                var userFactors = user.AsSpan(u * factors, factors);
                var userStep = userGradient.AsSpan(u * factors, factors);
                for (var m = 0; m < movies; m++)
                {
                    var filmFactors = _film.AsSpan(m * factors, factors);
                    var error = Sigmoid(_bias[m] + Dot(userFactors, filmFactors)) - (rated[m] ? 1 : 0);
                    biasGradient[m] += error;
                    var filmStep = filmGradient.AsSpan(m * factors, factors);
                    for (var f = 0; f < factors; f++)
                    {
                        userStep[f] += error * filmFactors[f];
                        filmStep[f] += error * userFactors[f];
                    }
                }
            }

            userAdam.Step(user, userGradient, epoch);
            filmAdam.Step(_film, filmGradient, epoch);
            biasAdam.Step(_bias, biasGradient, epoch);
        }
    }

    /// <summary>Every film's chance of having been seen (movie index order); answered films are NaN.</summary>
    public double[] Chances(IReadOnlyList<int> rated, IReadOnlyList<int> skipped)
    {
        ArgumentNullException.ThrowIfNull(rated);
        ArgumentNullException.ThrowIfNull(skipped);
        var person = new double[_factors];
        var answers = rated.Select(m => (Movie: m, Seen: 1.0)).Concat(skipped.Select(m => (Movie: m, Seen: 0.0))).ToList();
        for (var step = 0; step < 15 && answers.Count > 0; step++)
        {
            var gradient = person.Select(x => _personRidge * x).ToArray();
            var hessian = new double[_factors, _factors];
            for (var f = 0; f < _factors; f++)
            {
                hessian[f, f] = _personRidge;
            }

            foreach (var (movie, seen) in answers)
            {
                var film = _film.AsSpan(movie * _factors, _factors);
                var chance = Sigmoid(_bias[movie] + Dot(person, film));
                for (var f = 0; f < _factors; f++)
                {
                    gradient[f] += (chance - seen) * film[f];
                    for (var g = 0; g < _factors; g++)
                    {
                        hessian[f, g] += chance * (1 - chance) * film[f] * film[g];
                    }
                }
            }

            var move = LinearSeenChances.Solve(hessian, gradient);
            for (var f = 0; f < _factors; f++)
            {
                person[f] -= move[f];
            }
        }

        var chances = new double[_bias.Length];
        for (var m = 0; m < chances.Length; m++)
        {
            chances[m] = Sigmoid(_bias[m] + Dot(person, _film.AsSpan(m * _factors, _factors)));
        }

        foreach (var (movie, _) in answers)
        {
            chances[movie] = double.NaN;
        }

        return chances;
    }

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    /// <summary>Adam's moments for one array of parameters (β 0.9 and 0.999).</summary>
    private sealed class Adam(int length)
    {
        private readonly double[] _mean = new double[length];
        private readonly double[] _square = new double[length];

        public void Step(double[] parameters, double[] gradient, int epoch)
        {
            var meanScale = 1 - Math.Pow(0.9, epoch);
            var squareScale = 1 - Math.Pow(0.999, epoch);
            for (var i = 0; i < length; i++)
            {
                _mean[i] = (0.9 * _mean[i]) + (0.1 * gradient[i]);
                _square[i] = (0.999 * _square[i]) + (0.001 * gradient[i] * gradient[i]);
                parameters[i] -= LearningRate * (_mean[i] / meanScale) / (Math.Sqrt(_square[i] / squareScale) + 1e-8);
            }
        }
    }
}
