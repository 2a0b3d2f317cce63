using MovieRec.Domain;

namespace MovieRec.Domain.Tests;

/// <summary>What goes on the list, and in which order, on <see cref="TinyMatrix.FiveUsers"/> worked out by hand.</summary>
public class EvidenceRankingTests
{
    private static readonly double S1 = 2 / Math.Sqrt(6);
    private static readonly double S2 = 1 / Math.Sqrt(8);
    private const double S3 = 0.5;

    private static readonly RecommenderOptions EveryRater = new()
    {
        Neighbours = 1,
        CandidatePool = 10,
        RankingNeighbours = 3,
        RankingSimilarity = RankingSimilarity.WhoRatedWhat,
        FilmWeighting = FilmWeighting.None,
        RankingShrink = 0,
        RankingAlpha = 0.5,
        EvidenceFrom = EvidenceFrom.EveryRater,
        SimilarityPower = 1,
        PriorWeight = 0,
    };

    private static readonly RatingMatrix Matrix = TinyMatrix.FiveUsers();
    private static readonly RatingProfile RatedOneAndTwo = TinyMatrix.Profile(Matrix, (1, 5), (2, 3));

    [Fact]
    public void Movies_are_ranked_by_the_summed_similarity_of_the_neighbours_who_rated_them()
    {
        // 5: v1 + v2 = 1.170; 6: v2 + v3 = 0.854; 7: v2 = 0.354; 8 and 9: nobody near, 0 each, so by id.
        Assert.True(S1 + S2 > S2 + S3 && S2 + S3 > S2);
        Assert.Equal([5, 6, 7, 8, 9], Ranked(EveryRater));
    }

    [Fact]
    public void The_popularity_prior_orders_the_movies_no_neighbour_rated()
    {
        // Movie 9 has two MovieLens raters, movie 8 one: with a prior, 9 comes first.
        Assert.Equal([5, 6, 7, 9, 8], Ranked(EveryRater with { PriorWeight = 0.01 }));
    }

    [Fact]
    public void Only_raters_who_liked_a_movie_count_when_asked()
    {
        // v2 gave movie 5 one star, under its mean of 4: 5 keeps only v1 (0.816) and falls behind 6 (0.854).
        Assert.Equal([6, 5, 7, 8, 9], Ranked(EveryRater with { EvidenceFrom = EvidenceFrom.RatersWhoLikedIt }));
    }

    [Fact]
    public void A_similarity_power_above_one_lets_the_closest_neighbour_outweigh_two_distant_ones()
    {
        // Liked only, squared: 5 = S1² = 0.667 beats 6 = S2² + S3² = 0.375.
        Assert.Equal([5, 6, 7, 8, 9], Ranked(EveryRater with { EvidenceFrom = EvidenceFrom.RatersWhoLikedIt, SimilarityPower = 2 }));
    }

    [Fact]
    public void Only_the_K_nearest_neighbours_vote()
    {
        // K = 1: v1 alone, who rated only 5 of the unrated movies.
        Assert.Equal([5, 6, 7, 8, 9], Ranked(EveryRater with { RankingNeighbours = 1 }));
        // With a prior the rest follow popularity: 6 and 9 have two raters each, 7 and 8 one.
        Assert.Equal([5, 6, 9, 7, 8], new UserBasedRecommender(Matrix, EveryRater with { RankingNeighbours = 1, PriorWeight = 0.01 })
            .Rank(RatedOneAndTwo, excludeUser: -1, topN: 5).Select(Matrix.MovieId));
    }

    [Fact]
    public void A_left_out_user_is_nobody_s_neighbour()
    {
        // Without v1: 5 = v2 = 0.354, 6 = v2 + v3 = 0.854, 7 = v2 = 0.354.
        var recommender = new UserBasedRecommender(Matrix, EveryRater);
        Matrix.TryGetUserIndex(1, out var v1);

        Assert.Equal([6, 5, 7], recommender.Rank(RatedOneAndTwo, excludeUser: v1, topN: 3).Select(Matrix.MovieId));
    }

    [Fact]
    public void Excluded_and_rated_movies_are_never_picked_and_the_rest_fill_the_list()
    {
        var recommender = new UserBasedRecommender(Matrix, EveryRater);

        var picks = recommender.Recommend(RatedOneAndTwo, excludeUser: -1, topN: 100, excludedMovies: [TinyMatrix.Index(Matrix, 5)]);

        Assert.Equal([6, 7, 8, 9], picks.Select(p => p.MovieId));
    }

    [Fact]
    public void Ten_ratings_unlock_recommendations_and_nine_do_not()
    {
        // One MovieLens user rated movies 1..20; the person agrees on the first ones.
        var builder = new RatingMatrixBuilder();
        for (var movie = 1; movie <= 20; movie++)
        {
            builder.Add(1, movie, movie % 2 == 0 ? 5 : 3);
        }

        var recommender = new UserBasedRecommender(builder.Build(), new RecommenderOptions { RankingNeighbours = 1, Neighbours = 1 });
        Dictionary<int, double> RatedUpTo(int last) => Enumerable.Range(1, last).ToDictionary(m => m, m => m % 2 == 0 ? 5.0 : 3.0);

        Assert.Empty(recommender.Recommend(RatedUpTo(RecommendationRules.MinimumRatings - 1), topN: 3));
        // The neighbour gave the even movies 5 stars and the odd ones 3: liked-only or star-weighted, the even ones lead.
        Assert.Equal([12, 14, 16], recommender.Recommend(RatedUpTo(RecommendationRules.MinimumRatings), topN: 3).Select(p => p.MovieId));
    }

    [Fact]
    public void Ratings_of_movies_the_matrix_does_not_know_do_not_count_towards_ten()
    {
        var recommender = new UserBasedRecommender(TinyMatrix.ThreeUsers(), EveryRater);
        var unknown = Enumerable.Range(1, 12).ToDictionary(i => 5000 + i, _ => 5.0);

        Assert.Empty(recommender.Recommend(unknown, topN: 3));
    }

    private static int[] Ranked(RecommenderOptions options) =>
        new UserBasedRecommender(Matrix, options).Recommend(RatedOneAndTwo, excludeUser: -1, topN: 5).Select(p => p.MovieId).ToArray();
}
