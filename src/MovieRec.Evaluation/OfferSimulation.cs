using MovieRec.Domain;

namespace MovieRec.Evaluation;

/// <summary>What share of the people were offered a film they had seen, at each position of the flow.</summary>
public sealed record OfferCurve(string Name, IReadOnlyList<double> SeenShare, int People);

/// <summary>
/// The rating flow replayed with a dataset's own people: each is offered movie after movie; a movie
/// they rated in the dataset counts as seen (they rate it with their own stars), any other is
/// skipped ("Haven't seen it"). Two draws are compared on the same people: popularity-weighted
/// random (<see cref="UnratedMoviePicker"/>) and <see cref="MovieOffer"/>, with the person left out
/// of the neighbours.
/// </summary>
public static class OfferSimulation
{
    public const string PopularityWeighted = "Popularity-weighted random";
    public const string Neighbours = "Neighbours' films (MovieOffer)";

    /// <summary>
    /// Popularity-weighted random first, then one curve per <see cref="MovieOffer"/> variant in
    /// <paramref name="draws"/> (the product's own when none is given).
    /// </summary>
    public static IReadOnlyList<OfferCurve> Run(
        EvaluationDataset dataset, int offers, int seed, IReadOnlyList<(string Name, int RatingsBeforeNeighbours, double WeightPower)>? draws = null, int? people = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var matrix = dataset.Ratings;
        var picker = new UnratedMoviePicker(dataset.Catalog, matrix);
        var recommender = new UserBasedRecommender(matrix, new RecommenderOptions());
        // The neighbours' random draw from the first rating (the flow until 2026-12); the product's
        // flow now is measured to ten ratings by OffersToTen.
        draws ??= [(Neighbours, 1, 3)];
        var everyone = Enumerable.Range(0, matrix.UserCount).ToArray();
        new Random(seed).Shuffle(everyone);
        var chosen = everyone.Take(people ?? everyone.Length).ToArray();

        var curves = new List<OfferCurve>
        {
            Curve(PopularityWeighted, chosen, offers, (person, profile, answered, random) =>
                picker.Pick(answered, random) is { } movie && matrix.TryGetMovieIndex(movie.Id, out var index) ? index : -1),
        };
        foreach (var (name, first, power) in draws)
        {
            var offer = new MovieOffer(dataset.Catalog, recommender, picker) { RatingsBeforeNeighbours = first, WeightPower = power, MostLikelyFirst = false };
            curves.Add(Curve(name, chosen, offers, (person, profile, answered, random) =>
            {
                var excluded = answered.Select(id => matrix.TryGetMovieIndex(id, out var index) ? index : -1).ToList();
                var drawn = offer.DrawAmongLikelySeen(profile, excludeUser: person, excluded, random);
                return drawn >= 0 ? drawn
                    : picker.Pick(answered, random) is { } movie && matrix.TryGetMovieIndex(movie.Id, out var index) ? index : -1;
            }));
        }

        return curves;

        OfferCurve Curve(string name, int[] persons, int count, Func<int, RatingProfile, HashSet<int>, Random, int> draw)
        {
            var seen = new double[count];
            foreach (var person in persons)
            {
                Replay(matrix, person, count, new Random(seed + person), seen, (profile, answered, random) => draw(person, profile, answered, random));
            }

            return new OfferCurve(name, seen.Select(x => x / persons.Length).ToArray(), persons.Length);
        }
    }

    /// <summary>One person through <paramref name="offers"/> offers of one draw; adds 1 to <paramref name="seen"/>[i] when offer i was a film they rated.</summary>
    private static void Replay(
        RatingMatrix matrix, int person, int offers, Random random, double[] seen, Func<RatingProfile, HashSet<int>, Random, int> draw)
    {
        var theirs = new Dictionary<int, float>();
        var movies = matrix.MoviesRatedBy(person);
        var stars = matrix.StarsGivenBy(person);
        for (var i = 0; i < movies.Length; i++)
        {
            theirs[movies[i]] = stars[i];
        }

        var rated = new List<(int Movie, float Stars)>();
        var answered = new HashSet<int>();
        for (var position = 0; position < offers; position++)
        {
            var profile = RatingProfile.FromIndices(rated.Select(r => r.Movie).ToArray(), rated.Select(r => r.Stars).ToArray());
            var movie = draw(profile, answered, random);
            if (movie < 0)
            {
                return;
            }

            answered.Add(matrix.MovieId(movie));
            if (theirs.TryGetValue(movie, out var given))
            {
                seen[position]++;
                rated.Add((movie, given));
            }
        }
    }
}
