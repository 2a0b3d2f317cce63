using MovieRec.Domain;

namespace MovieRec.Domain.Tests;

/// <summary>The older draws (kept for the simulation): first offers in popularity × entropy order, and the neighbours' most likely film after them, worked out by hand.</summary>
public class FirstOffersTests
{
    // Film 1: four raters, all 5 stars (entropy 0). Film 2: four raters, 1, 2, 3 and 4 stars (entropy 2 bits).
    // Film 3: two raters, 1 and 5 (1 bit). Film 4: three raters, 2, 2 and 4 (0.918 bits).
    private static RatingMatrix Films()
    {
        var builder = new RatingMatrixBuilder();
        foreach (var (user, movie, stars) in new[]
        {
            (1, 1, 5f), (1, 2, 1f), (1, 3, 1f), (1, 4, 2f),
            (2, 1, 5f), (2, 2, 2f), (2, 3, 5f), (2, 4, 2f),
            (3, 1, 5f), (3, 2, 3f), (3, 4, 4f),
            (4, 1, 5f), (4, 2, 4f),
        })
        {
            builder.Add(user, movie, stars);
        }

        return builder.Build();
    }

    [Fact]
    public void First_offers_come_in_order_of_log_raters_times_the_entropy_of_their_stars()
    {
        var offers = new FirstOffers(Films());

        // Film 2: log₂5 × 2 = 4.64; film 4: log₂4 × 0.918 = 1.84; film 3: log₂3 × 1 = 1.58; film 1 says nothing (entropy 0).
        Assert.Equal(2, offers.Next(new HashSet<int>()));
        Assert.Equal(4, offers.Next(new HashSet<int> { 2 }));
        Assert.Equal(3, offers.Next(new HashSet<int> { 2, 4 }));
        Assert.Null(offers.Next(new HashSet<int> { 2, 3, 4 }));
    }

    [Fact]
    public void Community_profiles_do_not_move_a_film_up_the_first_offers()
    {
        // Twenty app users rate film 3 with every star: counted, it would lead (log₂23 × high entropy).
        var fakes = Enumerable.Range(0, 20).Select(f => ($"fan-{f}", (IReadOnlyDictionary<int, double>)new Dictionary<int, double>
        {
            [3] = 0.5 + (f % 10 * 0.5), [1] = 5, [2] = 5, [4] = 5, [5] = 5, [6] = 5, [7] = 5, [8] = 5, [9] = 5, [10] = 5,
        }));
        var matrix = Films();
        var builder = new RatingMatrixBuilder();
        for (var u = 0; u < matrix.UserCount; u++)
        {
            var movies = matrix.MoviesRatedBy(u);
            var stars = matrix.StarsGivenBy(u);
            for (var i = 0; i < movies.Length; i++)
            {
                builder.Add(matrix.UserId(u), matrix.MovieId(movies[i]), stars[i]);
            }
        }

        var movieLens = builder.Build(Enumerable.Range(1, 10));
        var pool = NeighbourPool.Of(movieLens, CommunityRatings.Empty.With(fakes));

        Assert.Equal(2, new FirstOffers(pool.Matrix).Next(new HashSet<int>()));
    }

    [Fact]
    public void After_the_first_ratings_the_film_most_neighbours_saw_is_offered()
    {
        // TinyMatrix.FiveUsers, a person who rated 1 and 2: neighbours v1 (2/(√6 + 5) = 0.269), v3 (1/(2 + 5) = 0.143), v2 (1/(√8 + 5) = 0.128).
        // Summed similarity of those who rated each film: 5 = v1 + v2 = 0.396, 6 = v2 + v3 = 0.270, 7 = v2 = 0.128.
        var matrix = TinyMatrix.FiveUsers();
        var recommender = new UserBasedRecommender(matrix, new RecommenderOptions());
        var offer = new MovieOffer(TinyMatrix.CatalogOf(matrix), recommender, new UnratedMoviePicker(TinyMatrix.CatalogOf(matrix), matrix)) { BySeenChance = false, RatingsBeforeNeighbours = 2 };
        var random = new Random(1);

        Assert.Equal(5, offer.Pick(new Dictionary<int, double> { [1] = 4, [2] = 4 }, new HashSet<int> { 1, 2 }, random)!.Id);
        Assert.Equal(6, offer.Pick(new Dictionary<int, double> { [1] = 4, [2] = 4 }, new HashSet<int> { 1, 2, 5 }, random)!.Id);
    }
}
