using MovieRec.Domain;

namespace MovieRec.Evaluation;

/// <summary>How many offers people needed before they had rated ten films, for one way of offering.</summary>
/// <param name="MedianOffers">The median over people; one who never got there counts as the cap.</param>
/// <param name="ReachedShare">The share of people who rated ten films within the cap.</param>
/// <param name="RareShare">The share of the first ten offers that were films with fewer than 20 training raters.</param>
public sealed record OffersToTenResult(string Name, int People, double MedianOffers, double ReachedShare, double RareShare);

/// <summary>
/// The rating flow until a newcomer can get recommendations, on held-out people (the test fold of
/// <see cref="HeldOutUsers"/>; the model trained on the other users): each is offered film after
/// film through <see cref="MovieOffer.Pick"/>, rates it with their own stars when they rated it in
/// the data, and skips it otherwise, until they have rated <see cref="RecommendationRules.MinimumRatings"/>.
/// </summary>
public static class OffersToTen
{
    public const int RareRaters = 20;

    public static IReadOnlyList<OffersToTenResult> Run(EvaluationDataset dataset, int seed, int cap = 200)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var protocol = new HeldOutUsers(dataset.Ratings, folds: 5, given: 1, seed);
        var train = protocol.Test().Train;
        var people = protocol.TestUsers();
        var recommender = new UserBasedRecommender(train, new RecommenderOptions());
        var picker = new UnratedMoviePicker(dataset.Catalog, train);
        var ways = new (string Name, MovieOffer Offer, bool ShownTogether)[]
        {
            ("Original: popularity-weighted random, then the neighbours' films drawn at random from rating 1",
                new MovieOffer(dataset.Catalog, recommender, picker) { BySeenChance = false, FirstOffers = FirstOfferDraw.PopularityWeightedRandom, RatingsBeforeNeighbours = 1, MostLikelyFirst = false }, false),
            ("Last round: popularity × entropy to 3 ratings, then the neighbours' most likely films (one of 12)",
                new MovieOffer(dataset.Catalog, recommender, picker) { BySeenChance = false }, false),
            ("Now, one at a time (bot, /get_unrated_movie): the likeliest seen given ratings and skips, one of 3",
                new MovieOffer(dataset.Catalog, recommender, picker), false),
            ("Now, shown together (Mini App): the same, one of 12", new MovieOffer(dataset.Catalog, recommender, picker), true),
            ("The same, always the likeliest (no spread)", new MovieOffer(dataset.Catalog, recommender, picker) { SpreadOneAtATime = 1 }, false),
        };

        return ways.Select(way =>
        {
            var offers = new int[people.Count];
            var rare = 0;
            var firstOffers = 0;
            for (var i = 0; i < people.Count; i++)
            {
                (offers[i], var rareOfFirst, var first) = Replay(dataset.Ratings, train, people[i], way.Offer, way.ShownTogether, new Random(seed + people[i]), cap);
                rare += rareOfFirst;
                firstOffers += first;
            }

            return new OffersToTenResult(way.Name, people.Count, Median(offers), offers.Count(o => o < cap) / (double)people.Count, (double)rare / firstOffers);
        }).ToList();
    }

    /// <summary>The median of the offers people needed (the mean of the middle two for an even count).</summary>
    public static double Median(IReadOnlyCollection<int> offers)
    {
        ArgumentNullException.ThrowIfNull(offers);
        var sorted = offers.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2.0;
    }

    /// <summary>Offers until ten ratings (or the cap); and, of the first ten offers, how many were rare films.</summary>
    private static (int Offers, int RareOfFirstTen, int FirstTen) Replay(RatingMatrix all, RatingMatrix train, int person, MovieOffer offer, bool shownTogether, Random random, int cap)
    {
        var theirs = new Dictionary<int, double>();
        var movies = all.MoviesRatedBy(person);
        var stars = all.StarsGivenBy(person);
        for (var i = 0; i < movies.Length; i++)
        {
            theirs[all.MovieId(movies[i])] = stars[i];
        }

        var rated = new Dictionary<int, double>();
        var answered = new HashSet<int>();
        var rare = 0;
        for (var n = 1; n <= cap; n++)
        {
            if (offer.Pick(rated, answered, random, shownTogether: shownTogether) is not { } movie)
            {
                return (cap, rare, Math.Min(n - 1, 10));
            }

            answered.Add(movie.Id);
            if (n <= 10 && train.TryGetMovieIndex(movie.Id, out var index) && train.RatingCountOf(index) < RareRaters)
            {
                rare++;
            }

            if (theirs.TryGetValue(movie.Id, out var given))
            {
                rated[movie.Id] = given;
                if (rated.Count == RecommendationRules.MinimumRatings)
                {
                    return (n, rare, Math.Min(n, 10));
                }
            }
        }

        return (cap, rare, 10);
    }
}
