using MovieRec.Domain;

namespace MovieRec.Domain.Tests;

/// <summary>
/// The cosine that picks the ranking neighbours — shrink, asymmetric α, film weighting — and the
/// star-weighted evidence, each on a small matrix worked out by hand. K = 1 unless said, so the
/// first pick names the nearest neighbour.
/// </summary>
public class RankingCosineTests
{
    private static readonly RecommenderOptions Plain = new()
    {
        Neighbours = 1,
        CandidatePool = 10,
        RankingNeighbours = 1,
        FilmWeighting = FilmWeighting.None,
        RankingShrink = 0,
        RankingAlpha = 0.5,
        EvidenceFrom = EvidenceFrom.EveryRater,
        SimilarityPower = 1,
        PriorWeight = 0,
    };

    [Fact]
    public void A_shrink_term_prefers_the_neighbour_who_shares_more_films_over_a_short_profile()
    {
        var matrix = TinyMatrix.ShortAndLongProfiles();

        // Plain: a 0.5 beats b 0.447, so a's film 3 comes first.
        Assert.Equal(3, FirstPick(matrix, Plain));
        // Shrink 2: a 1/(2 + 2) = 0.25, b 2/(√20 + 2) = 0.309: b's films (4–11, tied, lowest id first).
        Assert.Equal(4, FirstPick(matrix, Plain with { RankingShrink = 2 }));
    }

    [Fact]
    public void An_asymmetric_alpha_near_one_stops_penalising_long_profiles()
    {
        var matrix = TinyMatrix.ShortAndLongProfiles();

        // α = 0.9: a 1/(2^0.9·2^0.1) = 0.5, b 2/(2^0.9·10^0.1) = 0.851.
        Assert.Equal(4, FirstPick(matrix, Plain with { RankingAlpha = 0.9 }));
        // α = 0.3: a 1/(2^0.3·2^0.7) = 0.5, b 2/(2^0.3·10^0.7) = 0.325.
        Assert.Equal(3, FirstPick(matrix, Plain with { RankingAlpha = 0.3 }));
    }

    [Fact]
    public void Idf_weighting_makes_sharing_a_rare_film_count_more_than_sharing_a_common_one()
    {
        var matrix = TinyMatrix.CommonAndRareFilms();

        // Unweighted, a, b, c and d tie at 0.5 and the lowest user index, a, wins: a's film 3.
        Assert.Equal(3, FirstPick(matrix, Plain));
        // IDF: film 1 log(4/3) = 0.288, films 2, 3, 4 log 4 = 1.386, film 5 log 2 = 0.693.
        // a: 0.288² ÷ √((0.288² + 1.386²)·(0.288² + 1.386²)) = 0.041; b: 1.386² ÷ √((0.288² + 1.386²)·(2·1.386²)) = 0.692.
        Assert.Equal(4, FirstPick(matrix, Plain with { FilmWeighting = FilmWeighting.Idf }));
    }

    [Fact]
    public void Bm25_with_a_plain_cosine_picks_the_neighbours_idf_picks()
    {
        // A binary BM25 vector is IDF times a factor per user; a plain cosine divides that factor out.
        var matrix = TinyMatrix.CommonAndRareFilms();
        var profile = TinyMatrix.Profile(matrix, (1, 4), (2, 4));

        var idf = new UserBasedRecommender(matrix, Plain with { FilmWeighting = FilmWeighting.Idf, RankingNeighbours = 4 }).Rank(profile, -1, 5);
        var bm25 = new UserBasedRecommender(matrix, Plain with { FilmWeighting = FilmWeighting.Bm25, RankingNeighbours = 4 }).Rank(profile, -1, 5);

        Assert.Equal(idf, bm25);
    }

    [Fact]
    public void Star_weighted_evidence_counts_each_vote_by_the_neighbour_s_stars()
    {
        var matrix = TinyMatrix.FiveUsers();
        var recommender = new UserBasedRecommender(matrix, Plain with { RankingNeighbours = 3, EvidenceFrom = EvidenceFrom.StarWeighted });

        var ranked = recommender.Rank(TinyMatrix.Profile(matrix, (1, 5), (2, 3)), excludeUser: -1, topN: 3).Select(matrix.MovieId);

        // S1 = 2/√6, S2 = 1/√8, S3 = 0.5. Movie 5: S1·4/5 + S2·1/5 = 0.724; movie 6: S2·5/5 + S3·5/5 = 0.854;
        // movie 7: S2·5/5 = 0.354. Every rater alike would put 5 (1.170) first.
        Assert.Equal([6, 5, 7], ranked);
    }

    private static int FirstPick(RatingMatrix matrix, RecommenderOptions options) =>
        matrix.MovieId(new UserBasedRecommender(matrix, options).Rank(TinyMatrix.Profile(matrix, (1, 4), (2, 4)), excludeUser: -1, topN: 1)[0]);
}
