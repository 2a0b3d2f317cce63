using MovieRec.Domain;
using MovieRec.Evaluation;
using MovieRec.Testing;

namespace MovieRec.Evaluation.Tests;

/// <summary>The group evaluation's metric, held-out people and groups on hand-made data, each expectation worked by hand.</summary>
public class GroupEvaluationTests
{
    private static readonly double Second = 1 / Math.Log2(3);

    [Fact]
    public void Ndcg_counts_relevant_films_in_the_first_n_places_against_the_best_possible_list()
    {
        // Only film 7 (place 2) counts within n = 3, film 11 at place 4 does not: DCG = 1/log2(3) = 0.6309.
        // The ideal list is three of the four relevant films: 1 + 0.6309 + 0.5 = 2.1309. 0.6309 / 2.1309 = 0.2961.
        var ndcg = GroupNdcg.Of([5, 7, 9, 11], new HashSet<int> { 7, 11, 20, 30 }, n: 3);

        Assert.Equal(0.29608, ndcg, 5);
    }

    [Fact]
    public void A_groups_list_scores_each_member_on_their_own_truth_the_mean_and_the_worst_served()
    {
        // Ann's film is first (1), Ben's second (0.6309 / 1), Cat's is not on the list (0).
        var (mean, worst) = GroupNdcg.ForGroup([1, 2], [new HashSet<int> { 1 }, new HashSet<int> { 2 }, new HashSet<int> { 3 }], n: 10);

        Assert.Equal((1 + Second + 0) / 3, mean, 10);
        Assert.Equal(0, worst);
    }

    [Fact]
    public void A_held_out_person_gives_k_ratings_and_their_truth_is_the_rest_rated_four_or_more()
    {
        // User 1 rated films 1–6: 5, 4, 3.5, 2, 4.5, 1 stars. Whatever 3 are given, the truth is
        // films 1, 2 and 5 (4 stars or more) less the given ones.
        var ratings = OnePerson((1, 5), (2, 4), (3, 3.5f), (4, 2), (5, 4.5f), (6, 1));
        var loved = new[] { 1, 2, 5 }.Select(id => TinyMatrix.Index(ratings, id)).ToHashSet();

        for (var seed = 0; seed < 20; seed++)
        {
            var person = GroupSampling.HoldOut(ratings, 0, given: 3, new Random(seed));

            Assert.NotNull(person);
            Assert.Equal(3, person.Given.Count);
            Assert.Equal(loved.Except(person.Given.Movies).Order(), person.Relevant.Order());
        }
    }

    [Fact]
    public void A_person_whose_only_loved_film_is_among_the_given_has_nothing_to_find_and_is_left_out()
    {
        // Film 1 is the only one rated 4 or more; given 2 of 3, it is left as truth exactly when not drawn.
        var ratings = OnePerson((1, 4), (2, 3), (3, 2));
        var first = TinyMatrix.Index(ratings, 1);

        var outcomes = Enumerable.Range(0, 20).Select(seed => GroupSampling.HoldOut(ratings, 0, given: 2, new Random(seed))).ToList();

        Assert.Contains(outcomes, person => person is null);
        Assert.All(outcomes.OfType<HeldOutMember>(), person =>
        {
            Assert.DoesNotContain(first, person.Given.Movies);
            Assert.Equal([first], person.Relevant);
        });
        Assert.Contains(outcomes, person => person is not null);
        Assert.Null(GroupSampling.HoldOut(ratings, 0, given: 3, new Random(1)));
    }

    [Fact]
    public void Cosine_of_two_peoples_given_stars_counts_only_the_films_both_rated_in_the_dot_product()
    {
        // (5·1) / (√(25 + 25) · √(1 + 25)) = 5 / √1300 = 0.13868.
        Assert.Equal(0.13868, GroupSampling.Cosine(Pool[0], Pool[3]), 5);
        Assert.Equal(0, GroupSampling.Cosine(Pool[0], Pool[2]));
    }

    [Fact]
    public void A_similar_group_is_the_first_member_and_the_people_nearest_them_ties_to_the_earlier()
    {
        // From Ann (0): Ben 45 / (√50 · √41) = 0.994, Dan 0.139, Cat 0.
        Assert.Equal([0, 1, 3], GroupSampling.Nearest(Pool, first: 0, size: 3));
        // From Cat (2): Dan 25 / (5 · √26) = 0.981; Ann and Ben both 0, Ann is earlier.
        Assert.Equal([2, 3, 0], GroupSampling.Nearest(Pool, first: 2, size: 3));
    }

    [Fact]
    public void A_random_group_has_distinct_members_from_the_pool()
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var group = GroupSampling.Draw(Pool, 3, Grouping.Random, new Random(seed));

            Assert.Equal(3, group.Distinct().Count());
            Assert.All(group, p => Assert.InRange(p, 0, Pool.Count - 1));
        }
    }

    [Fact]
    public void In_groups_of_one_the_average_is_the_members_own_list_and_the_worst_member_is_the_mean()
    {
        // Everyone rated films 1–8 five stars; 20 people: 4 for validation, 4 for test, 12 train.
        var builder = new RatingMatrixBuilder();
        for (var user = 1; user <= 20; user++)
        {
            for (var film = 1; film <= 8; film++)
            {
                builder.Add(user, film, 5);
            }
        }

        builder.Add(1, 9, 3);
        var evaluation = new GroupEvaluation { GivenRatings = 3, Sizes = [1, 2], GroupsPerCell = 5 };

        var result = evaluation.Run(builder.Build(), [42, 7], new RecommenderOptions());

        Assert.All(result.Splits, split => Assert.Equal((12, 4, 4), (split.TrainUsers, split.ValidationPeople, split.TestPeople)));
        Assert.All(result.Test, cell => Assert.Equal(10, cell.Groups));
        var alone = result.Test.Where(cell => cell.Size == 1).SelectMany(cell => cell.Scores).ToList();
        Assert.All(alone, score => Assert.Equal(score.MeanNdcg, score.WorstNdcg));
        Assert.All(result.Test.Where(cell => cell.Size == 1), cell => Assert.Equal(
            cell.Scores.Single(s => s.Method == GroupEvaluation.NameOf(GroupStrategy.Average)).MeanNdcg,
            cell.Scores.Single(s => s.Method == GroupEvaluation.OneMembersList).MeanNdcg));

        // Most popular: films 1–8 have the same raters and come first by index; a lone member's 5
        // films left over are the top 5 of their list, every one relevant, so nDCG is 1.
        Assert.All(result.Test.Where(cell => cell.Size == 1), cell => Assert.Equal(1, cell.Scores.Single(s => s.Method == GroupEvaluation.MostPopular).MeanNdcg, 10));
    }

    // Ann {1: 5, 2: 5}, Ben {1: 5, 2: 4}, Cat {3: 5}, Dan {1: 1, 3: 5}.
    private static readonly RatingMatrix PoolMatrix = OnePerson((1, 5), (2, 5), (3, 5));

    private static readonly IReadOnlyList<RatingProfile> Pool =
    [
        TinyMatrix.Profile(PoolMatrix, (1, 5), (2, 5)),
        TinyMatrix.Profile(PoolMatrix, (1, 5), (2, 4)),
        TinyMatrix.Profile(PoolMatrix, (3, 5)),
        TinyMatrix.Profile(PoolMatrix, (1, 1), (3, 5)),
    ];

    private static RatingMatrix OnePerson(params (int Film, float Stars)[] ratings)
    {
        var builder = new RatingMatrixBuilder();
        foreach (var (film, stars) in ratings)
        {
            builder.Add(1, film, stars);
        }

        return builder.Build();
    }
}
