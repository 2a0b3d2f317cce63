using MovieRec.Domain;

namespace MovieRec.Evaluation;

/// <summary>
/// Offline group evaluation in the manner of Baltrunas, Makcinskas and Ricci (RecSys 2010). Per
/// seed the users are shuffled: a share is held out for validation, the same share for test, the
/// rest is the training matrix. Each held-out person gives <see cref="GivenRatings"/> ratings drawn
/// at random; the rest are their truth (relevant: 4 stars or more). Groups of each size are drawn
/// at random or by similar taste from one part's people; every way of picking a list is scored by
/// <see cref="GroupNdcg"/> against each member's truth. The default strategy is the one best on
/// validation (members' mean and worst member's nDCG, equally weighted, averaged over the cells).
/// </summary>
public sealed class GroupEvaluation
{
    public const string MostPopular = "Most popular";
    public const string OneMembersList = "One member's own list";

    public int GivenRatings { get; init; } = 20;

    public IReadOnlyList<int> Sizes { get; init; } = [2, 3, 5, 8];

    public int GroupsPerCell { get; init; } = 200;

    /// <summary>The share of users held out for validation, and again for test.</summary>
    public double HeldOutShare { get; init; } = 0.2;

    public int ListLength { get; init; } = 10;

    /// <summary>The strategies, in <see cref="GroupStrategy"/> order, then the two baselines.</summary>
    public static IReadOnlyList<string> Methods { get; } =
        [.. Enum.GetValues<GroupStrategy>().Select(NameOf), MostPopular, OneMembersList];

    public static string NameOf(GroupStrategy strategy) => strategy switch
    {
        GroupStrategy.Average => "Average",
        GroupStrategy.LeastMisery => "Least misery",
        GroupStrategy.AverageWithoutMisery => "Average without misery",
        GroupStrategy.Borda => "Borda",
        _ => strategy.ToString(),
    };

    public GroupEvaluationResult Run(RatingMatrix ratings, IReadOnlyList<int> seeds, RecommenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentOutOfRangeException.ThrowIfZero(seeds.Count);
        var splits = new List<GroupSplit>();
        var validation = new List<List<GroupOutcome>>();
        var test = new List<List<GroupOutcome>>();
        foreach (var seed in seeds)
        {
            var random = new Random(seed);
            var users = Enumerable.Range(0, ratings.UserCount).ToArray();
            random.Shuffle(users);
            var held = (int)Math.Round(users.Length * HeldOutShare, MidpointRounding.AwayFromZero);
            var train = TrainingMatrix(ratings, users[(2 * held)..]);
            var recommender = new UserBasedRecommender(train, options);
            var validationPeople = PeopleOf(ratings, users[..held], random);
            var testPeople = PeopleOf(ratings, users[held..(2 * held)], random);
            splits.Add(new GroupSplit(seed, train.UserCount, validationPeople.Count, testPeople.Count));
            validation.Add(ScoreCells(recommender, validationPeople, random));
            test.Add(ScoreCells(recommender, testPeople, random));
        }

        var validationCells = Pool(validation);
        return new GroupEvaluationResult(splits, validationCells, Pool(test), ChooseDefault(validationCells));
    }

    /// <summary>The strategy with the best average, over the cells, of the members' mean and the worst member's nDCG.</summary>
    public static GroupStrategy ChooseDefault(IReadOnlyList<GroupCell> validation)
    {
        ArgumentNullException.ThrowIfNull(validation);
        return Enum.GetValues<GroupStrategy>()
            .OrderByDescending(s => validation.Average(cell => Balanced(cell.Scores.Single(x => x.Method == NameOf(s)))))
            .First();

        static double Balanced(GroupMethodScore score) => (score.MeanNdcg + score.WorstNdcg) / 2;
    }

    /// <summary>The training users' ratings only, with every movie of the full matrix at its same index.</summary>
    private static RatingMatrix TrainingMatrix(RatingMatrix ratings, int[] trainUsers)
    {
        Array.Sort(trainUsers);
        var user = new List<int>();
        var movie = new List<int>();
        var stars = new List<float>();
        for (var t = 0; t < trainUsers.Length; t++)
        {
            foreach (var m in ratings.MoviesRatedBy(trainUsers[t]))
            {
                user.Add(t);
                movie.Add(m);
            }

            stars.AddRange(ratings.StarsGivenBy(trainUsers[t]).ToArray());
        }

        return RatingMatrix.Create(
            [.. trainUsers.Select(ratings.UserId)], [.. Enumerable.Range(0, ratings.MovieCount).Select(ratings.MovieId)], [.. user], [.. movie], [.. stars]);
    }

    private List<HeldOutMember> PeopleOf(RatingMatrix ratings, int[] users, Random random) =>
        [.. users.Where(u => ratings.MoviesRatedBy(u).Length > GivenRatings)
            .Select(u => GroupSampling.HoldOut(ratings, u, GivenRatings, random))
            .OfType<HeldOutMember>()];

    /// <summary>Every cell's groups drawn first (so the draws do not depend on the threads), then scored in parallel.</summary>
    private List<GroupOutcome> ScoreCells(UserBasedRecommender recommender, List<HeldOutMember> people, Random random)
    {
        var profiles = people.Select(p => p.Given).ToList();
        var drawn = new List<(int Cell, HeldOutMember[] Members, int Chosen)>();
        var cells = new List<(int Size, Grouping Grouping)>();
        foreach (var size in Sizes)
        {
            foreach (var grouping in Enum.GetValues<Grouping>())
            {
                for (var g = 0; g < GroupsPerCell; g++)
                {
                    var members = GroupSampling.Draw(profiles, size, grouping, random).Select(p => people[p]).ToArray();
                    drawn.Add((cells.Count, members, random.Next(size)));
                }

                cells.Add((size, grouping));
            }
        }

        var popular = Enumerable.Range(0, recommender.Matrix.MovieCount).OrderByDescending(recommender.Matrix.RatingCountOf).ThenBy(m => m).ToArray();
        var groups = new GroupRecommender(recommender);
        var scores = new double[drawn.Count][];
        Parallel.For(0, drawn.Count, i => scores[i] = Score(recommender, groups, popular, drawn[i].Members, drawn[i].Chosen));
        return [.. cells.Select((cell, c) => new GroupOutcome(
            cell.Size,
            cell.Grouping,
            [.. drawn.Select((d, i) => (d, i)).Where(x => x.d.Cell == c).Select(x => scores[x.i])],
            [.. drawn.Where(d => d.Cell == c).Select(d => MeanPairCosine(d.Members))]))];
    }

    /// <summary>Per method (in <see cref="Methods"/> order) the members' mean nDCG and the worst member's, side by side.</summary>
    private double[] Score(UserBasedRecommender recommender, GroupRecommender groups, int[] popular, HeldOutMember[] members, int chosen)
    {
        var excluded = members.SelectMany(m => m.Given.Movies).ToHashSet();
        var asGroup = members.Select(m => new GroupMember(m.Given, -1)).ToList();
        var lists = Enum.GetValues<GroupStrategy>()
            .Select(s => (IReadOnlyList<int>)[.. groups.Recommend(asGroup, ListLength, [], s).Select(p => p.Movie)])
            .Append([.. popular.Where(m => !excluded.Contains(m)).Take(ListLength)])
            .Append(recommender.Rank(members[chosen].Given, -1, ListLength, excluded));
        var relevant = members.Select(m => m.Relevant).ToList();
        return [.. lists.SelectMany(list =>
        {
            var (mean, worst) = GroupNdcg.ForGroup(list, relevant, ListLength);
            return new[] { mean, worst };
        })];
    }

    private static double MeanPairCosine(HeldOutMember[] members)
    {
        if (members.Length < 2)
        {
            return 1;
        }

        var pairs = from a in Enumerable.Range(0, members.Length) from b in Enumerable.Range(a + 1, members.Length - a - 1) select (a, b);
        return pairs.Average(p => GroupSampling.Cosine(members[p.a].Given, members[p.b].Given));
    }

    /// <summary>Each cell's groups of every seed together.</summary>
    private static List<GroupCell> Pool(List<List<GroupOutcome>> bySeed) =>
        [.. bySeed[0].Select((first, c) =>
        {
            var scores = bySeed.SelectMany(seed => seed[c].Scores).ToList();
            return new GroupCell(
                first.Size,
                first.Grouping,
                scores.Count,
                bySeed.SelectMany(seed => seed[c].Cosines).Average(),
                [.. Methods.Select((method, m) => new GroupMethodScore(method, scores.Average(s => s[2 * m]), scores.Average(s => s[(2 * m) + 1])))],
                scores);
        })];

    private sealed record GroupOutcome(int Size, Grouping Grouping, List<double[]> Scores, List<double> Cosines);
}
