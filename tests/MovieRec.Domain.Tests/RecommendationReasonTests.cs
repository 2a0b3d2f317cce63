using MovieRec.Domain;

namespace MovieRec.Domain.Tests;

/// <summary>The reason sentences state the true numbers and movies of <see cref="TinyMatrix.FiveUsers"/>, worked out by hand.</summary>
public class RecommendationReasonTests
{
    private static readonly RatingMatrix Matrix = TinyMatrix.FiveUsers();
    private static readonly MovieCatalog Catalog = TinyMatrix.CatalogOf(Matrix);

    // The ranking neighbours of a person who rated 1 and 2 are v1, v3 and v2 (v4 and v5 share nothing).
    private static readonly UserBasedRecommender Recommender = new(Matrix, new RecommenderOptions
    {
        Neighbours = 1,
        CandidatePool = 10,
        RankingNeighbours = 3,
        EvidenceFrom = EvidenceFrom.EveryRater,
        PriorWeight = 0.01,
    });

    [Fact]
    public void A_reason_counts_the_neighbours_who_rated_it_and_names_a_favourite_they_also_loved()
    {
        var picks = Pick((1, 5), (2, 3));

        // Movie 6: v3 and v2 rated it 5 and 5. Both loved it; v2 also gave movie 1 (the person's 5-star favourite) 5 stars.
        Assert.Equal(new RecommendationEvidence(3, 2, 5.0, [new SharedFavourite(1, 5, 1)], 2, 5.0), picks[6].Evidence, EvidenceComparer.Instance);
        Assert.Equal(
            "2 of the 3 people whose taste is closest to yours rated it, 5.0 stars on average; one of them also loved Movie 1 (1999), which you gave 5 stars.",
            Reason(picks[6]));

        // Movie 5: v1 gave 4, v2 gave 1: mean 2.5. v1 loved it and gave movie 1 four stars.
        Assert.Equal(
            "2 of the 3 people whose taste is closest to yours rated it, 2.5 stars on average; one of them also loved Movie 1 (1999), which you gave 5 stars.",
            Reason(picks[5]));
    }

    [Fact]
    public void Without_favourites_the_reason_is_what_the_neighbours_gave_it()
    {
        var picks = Pick((1, 3), (2, 3.5));

        Assert.Empty(picks[6].Evidence.SharedFavourites);
        Assert.Equal("2 of the 3 people whose taste is closest to yours rated it, 5.0 stars on average.", Reason(picks[6]));
        Assert.Equal("1 of the 3 people whose taste is closest to yours rated it, 5.0 stars on average.", Reason(picks[7]));
    }

    [Fact]
    public void A_movie_no_neighbour_rated_is_explained_by_what_MovieLens_gave_it()
    {
        var picks = Pick((1, 5), (2, 3));

        // Movie 9: v4 gave 4, v5 gave 5. Movie 8: v4 gave 3.
        Assert.Equal("None of the 3 people whose taste is closest to yours has rated it yet, but 2 MovieLens members did, 4.5 stars on average.", Reason(picks[9]));
        Assert.Equal("None of the 3 people whose taste is closest to yours has rated it yet, but 1 MovieLens member did, 3.0 stars on average.", Reason(picks[8]));
    }

    [Fact]
    public void A_movie_nobody_rated_says_so()
    {
        var builder = new RatingMatrixBuilder();
        builder.Add(1, 1, 4);
        builder.Add(1, 2, 5);
        var matrix = builder.Build(allMovieIds: [1, 2, 3]);
        var recommender = new UserBasedRecommender(matrix, new RecommenderOptions { Neighbours = 1, RankingNeighbours = 1, CandidatePool = 1 });

        var pick = Assert.Single(recommender.Recommend(TinyMatrix.Profile(matrix, (1, 4), (2, 5)), excludeUser: -1, topN: 3));

        Assert.Equal(3, pick.MovieId);
        Assert.Equal("Nobody in MovieLens has rated it yet; it is here because few other movies are left for you.", RecommendationReason.Describe(pick.Evidence, TinyMatrix.CatalogOf(matrix)));
    }

    private static Dictionary<int, Recommendation> Pick(params (int MovieId, double Stars)[] ratings) =>
        Recommender.Recommend(TinyMatrix.Profile(Matrix, ratings), excludeUser: -1, topN: 10).ToDictionary(p => p.MovieId);

    private static string Reason(Recommendation pick) => RecommendationReason.Describe(pick.Evidence, Catalog);

    private sealed class EvidenceComparer : IEqualityComparer<RecommendationEvidence>
    {
        public static readonly EvidenceComparer Instance = new();

        public bool Equals(RecommendationEvidence? x, RecommendationEvidence? y) =>
            x is not null && y is not null
            && (x.Neighbours, x.NeighbourRaters, x.MovieLensRaters) == (y.Neighbours, y.NeighbourRaters, y.MovieLensRaters)
            && Math.Abs(x.NeighbourMeanStars - y.NeighbourMeanStars) < 1e-9
            && Math.Abs(x.MovieLensMeanStars - y.MovieLensMeanStars) < 1e-6
            && x.SharedFavourites.SequenceEqual(y.SharedFavourites);

        public int GetHashCode(RecommendationEvidence obj) => 0;
    }
}
