using MovieRec.Domain;

namespace MovieRec.Evaluation;

/// <summary>One held-out person: the ratings they give the model, and the films among the rest they rated 4 or more.</summary>
public sealed record HeldOutPerson(int UserId, RatingProfile Given, IReadOnlySet<int> Relevant);

/// <summary>A matrix of training users and the people the model never saw, scored on it.</summary>
public sealed record HeldOutSplit(string Name, RatingMatrix Train, IReadOnlyList<HeldOutPerson> People);

/// <summary>
/// The held-out-users protocol (strong generalisation, as in Steck 2019): users are shuffled with
/// the seed and cut into folds; a model is trained on some folds' users only and asked about people
/// of another fold, who give <see cref="Given"/> of their ratings (drawn per person with the seed,
/// as someone rating films through the API would) and are scored on the rest: a held-out rating of
/// 4 or more is relevant. The last fold is the test fold; the others are validation folds, where
/// hyper-parameters are chosen, each scored with a model trained on the other validation folds, so
/// no test user is seen while choosing.
/// </summary>
public sealed class HeldOutUsers
{
    private readonly RatingMatrix _matrix;
    private readonly int[] _foldOf;

    public HeldOutUsers(RatingMatrix matrix, int folds, int given, int seed)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 3);
        ArgumentOutOfRangeException.ThrowIfLessThan(given, 1);
        _matrix = matrix;
        Folds = folds;
        Given = given;
        Seed = seed;
        var order = Enumerable.Range(0, matrix.UserCount).ToArray();
        new Random(seed).Shuffle(order);
        _foldOf = new int[matrix.UserCount];
        for (var position = 0; position < order.Length; position++)
        {
            _foldOf[order[position]] = position % folds;
        }
    }

    public int Folds { get; }

    public int Given { get; }

    public int Seed { get; }

    public int TestFold => Folds - 1;

    /// <summary>The users (indices of the full matrix) of the test fold, all of them.</summary>
    public IReadOnlyList<int> TestUsers() => Enumerable.Range(0, _matrix.UserCount).Where(u => _foldOf[u] == TestFold).ToList();

    /// <summary>The test fold's people, with a model trained on every other user.</summary>
    public HeldOutSplit Test() => Split("test", TestFold, u => _foldOf[u] != TestFold);

    /// <summary>One split per validation fold: its people, with a model trained on the other validation folds (never a test user).</summary>
    public IReadOnlyList<HeldOutSplit> Validation() =>
        Enumerable.Range(0, TestFold)
            .Select(fold => Split($"validation {fold}", fold, u => _foldOf[u] != fold && _foldOf[u] != TestFold))
            .ToList();

    private HeldOutSplit Split(string name, int peopleFold, Func<int, bool> trains)
    {
        var users = new List<int>();
        var movies = new List<int>();
        var stars = new List<float>();
        var people = new List<HeldOutPerson>();
        var trainingUsers = Enumerable.Range(0, _matrix.UserCount).Where(trains).ToArray();
        for (var t = 0; t < trainingUsers.Length; t++)
        {
            var rated = _matrix.MoviesRatedBy(trainingUsers[t]);
            var given = _matrix.StarsGivenBy(trainingUsers[t]);
            for (var i = 0; i < rated.Length; i++)
            {
                users.Add(t);
                movies.Add(rated[i]);
                stars.Add(given[i]);
            }
        }

        for (var u = 0; u < _matrix.UserCount; u++)
        {
            if (_foldOf[u] == peopleFold && PersonOf(u) is { } person)
            {
                people.Add(person);
            }
        }

        var train = RatingMatrix.Create(
            trainingUsers.Select(_matrix.UserId).ToArray(),
            Enumerable.Range(0, _matrix.MovieCount).Select(_matrix.MovieId).ToArray(),
            users.ToArray(),
            movies.ToArray(),
            stars.ToArray());
        return new HeldOutSplit(name, train, people);
    }

    /// <summary><see cref="Given"/> ratings drawn with the seed and the user's id, the rest held out; null when nothing held out is relevant.</summary>
    private HeldOutPerson? PersonOf(int user)
    {
        var rated = _matrix.MoviesRatedBy(user).ToArray();
        var stars = _matrix.StarsGivenBy(user).ToArray();
        var order = Enumerable.Range(0, rated.Length).ToArray();
        new Random(Seed + _matrix.UserId(user)).Shuffle(order);
        var given = order.Take(Given).ToArray();
        var relevant = order.Skip(Given).Where(i => stars[i] >= OfflineEvaluation.RelevantStars).Select(i => rated[i]).ToHashSet();
        return relevant.Count == 0
            ? null
            : new HeldOutPerson(_matrix.UserId(user), RatingProfile.FromIndices(given.Select(i => rated[i]).ToArray(), given.Select(i => stars[i]).ToArray()), relevant);
    }
}
