using MovieRec.Domain;
using MovieRec.Evaluation;

namespace MovieRec.Evaluation.Tests;

/// <summary>The rating-flow simulation on two taste groups that never watch each other's films.</summary>
public class OfferSimulationTests
{
    // Users 1–20 rated films 1–6; users 21–40 rated films 7–12; every film has 20 raters.
    private static EvaluationDataset TwoGroups()
    {
        var builder = new RatingMatrixBuilder();
        for (var user = 1; user <= 40; user++)
        {
            var first = user <= 20 ? 1 : 7;
            for (var film = first; film < first + 6; film++)
            {
                builder.Add(user, film, 1 + ((user + film) % 5));
            }
        }

        var catalog = new MovieCatalog(Enumerable.Range(1, 12).Select(id => new Movie(id, $"Film {id}", "", null)));
        return new EvaluationDataset("two groups", catalog, builder.Build(catalog.Movies.Select(m => m.Id)), null);
    }

    [Fact]
    public void Once_a_person_has_rated_one_film_the_neighbours_draw_offers_only_films_of_their_own_group()
    {
        var curves = OfferSimulation.Run(TwoGroups(), offers: 5, seed: 3);
        var (popular, neighbours) = (curves[0].SeenShare, curves[1].SeenShare);

        // The first offer is the same popularity-weighted draw for both: half the films are the person's.
        Assert.Equal(popular[0], neighbours[0]);
        Assert.InRange(popular[0], 0.3, 0.7);
        // After it, the neighbours' draw is never worse; by the 4th offer nearly everyone has rated a
        // film, and from then on every offer is one of their group's six (the seen share nears 1).
        Assert.All(Enumerable.Range(0, 5), i => Assert.True(neighbours[i] >= popular[i]));
        Assert.True(neighbours[3] >= 0.8, $"offer 4: {neighbours[3]}");
        Assert.True(neighbours[4] >= 0.85, $"offer 5: {neighbours[4]}");
        Assert.True(popular[4] <= 0.7, $"popularity, offer 5: {popular[4]}");
        Assert.Equal(40, curves[0].People);
    }
}
