using MovieRec.Domain;
using MovieRec.Evaluation;

namespace MovieRec.Evaluation.Tests;

/// <summary>The seen chances tried against the product's offers (linear, learned, EASE with skips), on two circles of viewers; the linear one worked out by hand.</summary>
public class TriedSeenChancesTests
{
    // Users 1–5 rated films 1–4 and nothing else; users 6–9 rated films 5–7 and nothing else.
    // Smoothed shares: films 1–4 (5 + 1) / (9 + 2) = 6/11, films 5–7 (4 + 1) / 11 = 5/11.
    private const double Ridge = 0.1;
    private const double FirstShare = 6.0 / 11;
    private const double SecondShare = 5.0 / 11;

    private static RatingMatrix TwoCircles()
    {
        var builder = new RatingMatrixBuilder();
        for (var user = 1; user <= 9; user++)
        {
            foreach (var film in user <= 5 ? new[] { 1, 2, 3, 4 } : [5, 6, 7])
            {
                builder.Add(user, film, 4);
            }
        }

        return builder.Build(Enumerable.Range(1, 7));
    }

    // With one answer about film 1 (x = 1 rated, 0 skipped), a film j's chance is
    // share_j + C(j, 1) · (x − share_1) / (C(1, 1) + λ), C(a, b) = (both rated) / 9 − share_a · share_b.
    private static double Expected(int bothRated, double share, double answer)
    {
        var variance = (5.0 / 9) - (FirstShare * FirstShare) + Ridge;
        var covariance = (bothRated / 9.0) - (share * FirstShare);
        return share + (covariance * (answer - FirstShare) / variance);
    }

    [Fact]
    public void A_rating_raises_the_films_its_raters_watched_and_lowers_the_others_by_the_covariances()
    {
        var matrix = TwoCircles();
        var chances = new LinearSeenChances(matrix, Ridge).Chances([Index(matrix, 1)], []);

        Assert.True(double.IsNaN(chances[Index(matrix, 1)]));
        Assert.Equal(Expected(5, FirstShare, 1), chances[Index(matrix, 2)], 1e-12);
        Assert.Equal(Expected(0, SecondShare, 1), chances[Index(matrix, 5)], 1e-12);
        Assert.True(chances[Index(matrix, 4)] > FirstShare && chances[Index(matrix, 7)] < SecondShare);
    }

    [Fact]
    public void A_skip_puts_the_other_circles_films_ahead()
    {
        var matrix = TwoCircles();
        var chances = new LinearSeenChances(matrix, Ridge).Chances([], [Index(matrix, 1)]);

        Assert.Equal(Expected(5, FirstShare, 0), chances[Index(matrix, 3)], 1e-12);
        Assert.Equal(Expected(0, SecondShare, 0), chances[Index(matrix, 6)], 1e-12);
        Assert.True(chances[Index(matrix, 6)] > chances[Index(matrix, 3)]);
    }

    [Fact]
    public void Ease_with_a_skip_counted_against_puts_the_other_circles_films_ahead()
    {
        var matrix = TwoCircles();
        var scores = new Ease(matrix, lambda: 1, minRaters: 1).SeenScores([], [Index(matrix, 1)], skipWeight: 1);

        Assert.All([5, 6, 7], second => Assert.All([2, 3, 4], first => Assert.True(scores[Index(matrix, second)] > scores[Index(matrix, first)])));
    }

    [Fact]
    public void The_learned_model_offers_the_circle_of_a_rated_film_and_the_other_circle_after_a_skip()
    {
        var matrix = TwoCircles();
        var model = new LogisticSeenChances(matrix, factors: 2, ridge: 0.01, personRidge: 0.1, epochs: 400, seed: 1);

        var none = model.Chances([], []);
        var afterRating = model.Chances([Index(matrix, 1)], []);
        var afterSkip = model.Chances([], [Index(matrix, 1)]);

        // No answer: the more widely rated circle (5 of 9 against 4 of 9) first.
        Assert.True(none[Index(matrix, 2)] > none[Index(matrix, 5)]);
        Assert.All([2, 3, 4], first => Assert.All([5, 6, 7], second => Assert.True(afterRating[Index(matrix, first)] > afterRating[Index(matrix, second)])));
        Assert.All([2, 3, 4], first => Assert.All([5, 6, 7], second => Assert.True(afterSkip[Index(matrix, second)] > afterSkip[Index(matrix, first)])));
        Assert.True(double.IsNaN(afterSkip[Index(matrix, 1)]));
    }

    private static int Index(RatingMatrix matrix, int movieId) => matrix.TryGetMovieIndex(movieId, out var index) ? index : throw new ArgumentException($"no film {movieId}");
}
