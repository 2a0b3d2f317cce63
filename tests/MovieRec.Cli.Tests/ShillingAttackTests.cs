using MovieRec.Cli;
using MovieRec.Domain;
using MovieRec.Evaluation;
using MovieRec.Service;
using MovieRec.Testing;

namespace MovieRec.Cli.Tests;

/// <summary>
/// A small run of <c>movierec eval-attack</c>: 100 ml-100k people who rated 20 films each, and a
/// bandwagon attack on a film with two MovieLens ratings. Run both with and without the bound on
/// the community's evidence, so the test fails if the defence is taken out.
/// </summary>
public class ShillingAttackTests
{
    private static readonly EvaluationDataset HundredK = MovieLens100k.ReadFolder(Repository.MovieLens100kFolder);

    [Fact]
    public async Task A_bandwagon_attack_reaches_no_more_than_one_probe_in_twenty_with_the_defence_and_more_without_it()
    {
        var defended = await HitsAsync(new RecommenderOptions());
        var undefended = await HitsAsync(new RecommenderOptions { CommunityEvidenceCap = double.PositiveInfinity });

        // Rows: none, then 10% and 50% of MovieLens's 610 users as fakes; 100 probes each.
        Assert.Equal([0, 61, 305], defended.Select(r => r.Fakes));
        Assert.All(defended, row => Assert.True(row.Hits * 20 <= row.Probes, $"{row.Fakes} fakes reached {row.Hits} of {row.Probes} probes."));
        Assert.Equal(0, undefended[0].Hits);
        Assert.True(undefended[2].Hits * 20 > undefended[2].Probes, $"Without the defence 305 fakes reached only {undefended[2].Hits} of {undefended[2].Probes} probes: the attack no longer tests it.");
    }

    private static async Task<IReadOnlyList<ShillingAttack.Row>> HitsAsync(RecommenderOptions options) =>
        (await ShillingAttack.RunAsync(
            RecommendationModel.From(Repository.MovieLens, options), HundredK, [ShillingAttack.Kind.Bandwagon], [0.10, 0.50], seed: 42, probeCount: 100, probeRatings: 20, targetRaters: 2)).Rows;
}
