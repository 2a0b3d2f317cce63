using MovieRec.Domain;

namespace MovieRec.Domain.Tests;

/// <summary>
/// The group strategies on three members and four films, every expectation worked by hand:
/// appeal divided by each member's best gives A [1, .5, .75, .25], B [.25, .5, .5, 1], C [1, 1, .5, 1].
/// </summary>
public class GroupAggregationTests
{
    private static readonly MemberView Ann = new([4, 2, 3, 1], [4.5, 3.5, 4.0, 2.0]);
    private static readonly MemberView Ben = new([1, 2, 2, 4], [2.5, 3.5, 3.5, 4.5]);
    private static readonly MemberView Cat = new([2, 2, 1, 2], [3.5, 3.5, 2.5, 3.5]);
    private static readonly MemberView[] Group = [Ann, Ben, Cat];

    [Fact]
    public void Average_ranks_by_the_mean_of_each_members_share_of_their_best_and_ties_keep_the_candidates_order()
    {
        // Means: .75, .667, .583, .75 — films 0 and 3 tie, 0 came first.
        Assert.Equal([0, 3, 1, 2], GroupAggregation.Rank(Group, 4, GroupStrategy.Average));
    }

    [Fact]
    public void Least_misery_ranks_by_the_least_pleased_member_then_by_the_mean()
    {
        // Minimums: .25, .5, .5, .25; film 1 beats film 2 on the mean (.667 against .583).
        Assert.Equal([1, 2, 0, 3], GroupAggregation.Rank(Group, 4, GroupStrategy.LeastMisery));
    }

    [Fact]
    public void Average_without_misery_puts_films_nobody_is_predicted_below_three_stars_first()
    {
        // Ben predicts 2.5 for film 0, Cat 2.5 for film 2, Ann 2.0 for film 3: only film 1 is misery-free,
        // then the rest by mean (.75, .75, .583).
        Assert.Equal([1, 0, 3, 2], GroupAggregation.Rank(Group, 4, GroupStrategy.AverageWithoutMisery));
    }

    [Fact]
    public void Borda_sums_the_places_each_member_gives_a_film_with_ties_sharing_them()
    {
        // Points: Ann 3, 1, 2, 0; Ben 0, 1.5, 1.5, 3; Cat 2, 2, 0, 2 → 5, 4.5, 3.5, 5.
        Assert.Equal([0, 3, 1, 2], GroupAggregation.Rank(Group, 4, GroupStrategy.Borda));
    }

    [Fact]
    public void A_member_whose_scores_run_larger_counts_no_more_than_the_others()
    {
        var loud = new MemberView([40, 20, 30, 10], Ann.Stars);

        foreach (var strategy in Enum.GetValues<GroupStrategy>())
        {
            Assert.Equal(GroupAggregation.Rank(Group, 4, strategy), GroupAggregation.Rank([loud, Ben, Cat], 4, strategy));
        }
    }

    [Fact]
    public void Only_the_best_top_n_are_answered()
    {
        Assert.Equal([1, 0], GroupAggregation.Rank(Group, 2, GroupStrategy.AverageWithoutMisery));
    }

    [Fact]
    public void Members_who_see_different_candidates_are_refused()
    {
        Assert.Throws<ArgumentException>(() => GroupAggregation.Rank([Ann, new MemberView([1, 2], [3, 3])], 2, GroupStrategy.Average));
    }
}
