using MovieRec.Domain;
using MovieRec.Testing;

namespace MovieRec.Domain.Tests;

/// <summary>
/// The promise of contract revision 2: everyone with 10 ratings gets a full list. 1,000 simulated
/// people on the real ml-latest-small, whatever they rated and however they rated it.
/// </summary>
public class FullListTests
{
    private const int PeoplePerKind = 250;

    private static readonly UserBasedRecommender Recommender = new(Repository.MovieLens.Ratings, new RecommenderOptions());
    // The random draws (not the product's ordered offers), so that the simulated people rate different films.
    private static readonly MovieOffer Offer = new(Repository.MovieLens.Catalog, Recommender, new UnratedMoviePicker(Repository.MovieLens.Catalog, Repository.MovieLens.Ratings))
    {
        BySeenChance = false,
        FirstOffers = FirstOfferDraw.PopularityWeightedRandom,
        RatingsBeforeNeighbours = 1,
        MostLikelyFirst = false,
    };

    public static TheoryData<string> Kinds => ["random stars", "all five stars", "all half a star", "only obscure films"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Everyone_who_rated_ten_movies_gets_a_full_list_of_unrated_movies(string kind)
    {
        var random = new Random(kind.Length * 7919);
        var obscure = ObscureMovieIds();
        var shortLists = new List<string>();
        for (var person = 0; person < PeoplePerKind; person++)
        {
            var ratings = new Dictionary<int, double>();
            while (ratings.Count < RecommendationRules.MinimumRatings)
            {
                // Drawn as /get_unrated_movie drew until 2026-12; the obscure kind picks among films with at most two ratings.
                var movieId = kind == "only obscure films"
                    ? obscure[random.Next(obscure.Length)]
                    : Offer.Pick(ratings, ratings.Keys.ToHashSet(), random)!.Id;
                ratings[movieId] = kind switch
                {
                    "all five stars" => 5,
                    "all half a star" => 0.5,
                    _ => random.Next(1, 11) / 2.0,
                };
            }

            foreach (var topN in new[] { RecommendationRules.DefaultTopN, RecommendationRules.MaxTopN })
            {
                var picks = Recommender.Recommend(ratings, topN);
                if (picks.Count != topN || picks.Any(p => ratings.ContainsKey(p.MovieId)) || picks.DistinctBy(p => p.MovieId).Count() != topN)
                {
                    shortLists.Add($"{string.Join(',', ratings.Select(r => $"{r.Key}:{r.Value}"))} → {picks.Count} of {topN}");
                }
            }
        }

        Assert.Empty(shortLists);
    }

    [Fact]
    public void Skipped_movies_are_never_recommended_and_the_list_stays_full()
    {
        var ratings = new Dictionary<int, double> { [1] = 5, [260] = 5, [1196] = 5, [1210] = 4.5, [2571] = 5, [589] = 4, [1240] = 4, [480] = 3.5, [32] = 4, [50] = 5 };
        var first = Recommender.Recommend(ratings, topN: 10).Select(p => p.MovieId).ToHashSet();

        var again = Recommender.Recommend(ratings, topN: 10, excludedMovieIds: first);

        Assert.Equal(10, again.Count);
        Assert.Empty(again.Select(p => p.MovieId).Intersect(first));
    }

    private static int[] ObscureMovieIds()
    {
        var matrix = Repository.MovieLens.Ratings;
        return Enumerable.Range(0, matrix.MovieCount).Where(m => matrix.RatingCountOf(m) is >= 1 and <= 2).Select(matrix.MovieId).ToArray();
    }
}
