using MovieRec.Domain;

namespace MovieRec.Domain.Tests;

/// <summary>The rating flow's offers follow what a person most likely saw, given their ratings and their skips; worked out by hand.</summary>
public class SeenChancesTests
{
    // Two circles of viewers. Users 1–5 rated films 1–4 and nothing else; users 6–9 rated films 5–7
    // and nothing else. So films 1–4 have 5 raters of 9 (smoothed share (5 + 1) / (9 + 2) = 6/11),
    // films 5–7 have 4 (5/11). Stars vary so that every film splits opinion (the older draws offer them all).
    private static readonly int[] FirstCircle = [1, 2, 3, 4];
    private static readonly int[] SecondCircle = [5, 6, 7];

    private static RatingMatrix TwoCircles()
    {
        var builder = new RatingMatrixBuilder();
        for (var user = 1; user <= 9; user++)
        {
            foreach (var film in user <= 5 ? FirstCircle : SecondCircle)
            {
                builder.Add(user, film, 1 + ((user + film) % 5));
            }
        }

        return builder.Build(Enumerable.Range(1, 7));
    }

    private static MovieOffer OfferOn(RatingMatrix matrix) =>
        new(TinyMatrix.CatalogOf(matrix), new UserBasedRecommender(matrix, new RecommenderOptions()), new UnratedMoviePicker(TinyMatrix.CatalogOf(matrix), matrix));

    private static int[] Picks(MovieOffer offer, Dictionary<int, double> rated, HashSet<int> answered) =>
        [.. Enumerable.Range(0, 40).Select(seed => offer.Pick(rated, answered, new Random(seed))!.Id)];

    [Fact]
    public void After_rating_a_film_the_films_its_raters_watched_come_next_ahead_of_more_popular_ones()
    {
        var matrix = TwoCircles();
        var offer = OfferOn(matrix);

        // Rated film 1: only users 1–5 rated it, and they rated films 2–4, so those are offered.
        var picks = Picks(offer, new Dictionary<int, double> { [1] = 4 }, [1]);

        Assert.All(picks, id => Assert.Contains(id, new[] { 2, 3, 4 }));
    }

    [Fact]
    public void A_skipped_film_puts_the_films_of_its_watchers_behind()
    {
        var matrix = TwoCircles();
        var offer = OfferOn(matrix);

        // With nothing answered, the first circle's films lead (6/11 of raters against 5/11).
        Assert.Equal([1, 2, 3], offer.Chances.Likeliest([], [], excludeUser: -1, count: 3).Movies.Select(matrix.MovieId));

        // "Haven't seen" film 1: users 1–5 explain that badly, so films 2–4 fall behind films 5–7.
        var picks = Picks(offer, [], [1]);

        Assert.All(picks, id => Assert.Contains(id, SecondCircle));
    }

    [Fact]
    public void The_chance_of_a_film_is_the_weighted_share_of_users_who_rated_it()
    {
        var matrix = TwoCircles();
        var chances = new SeenChances(matrix) { Stray = 0.05, Sharpness = 0.35 };
        const double stray = 0.05;
        double first = 6.0 / 11, second = 5.0 / 11;

        // Skipped film 1. Each of users 1–5 is weighted exp(0.35 × ln(0.05 × (1 − 6/11) / (1 − 0.05 × 6/11))),
        // each of users 6–9 weighs 1. Film 2 was rated by users 1–5, film 5 by users 6–9.
        var skippedWeight = Math.Exp(0.35 * Math.Log(stray * (1 - first) / (1 - (stray * first))));
        var total = (5 * skippedWeight) + 4;
        var expectedFilm5 = ((1 - stray) * 4 / total) + (stray * second);
        var expectedFilm2 = ((1 - stray) * 5 * skippedWeight / total) + (stray * first);

        var (movies, values) = chances.Likeliest([], [TinyMatrix.Index(matrix, 1)], excludeUser: -1, count: 6);

        Assert.Equal([5, 6, 7, 2, 3, 4], movies.Select(matrix.MovieId));
        Assert.Equal(expectedFilm5, values[0], 6); // the shares are held as floats
        Assert.Equal(expectedFilm2, values[3], 6);
        Assert.InRange(expectedFilm5, 0.73, 0.74); // the sums above, by hand: 0.734
        Assert.InRange(expectedFilm2, 0.26, 0.27); // 0.266
    }
}
