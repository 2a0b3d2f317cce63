using MovieRec.Domain;
using MovieRec.Evaluation;
using MovieRec.Service;
using MovieRec.Storage;

namespace MovieRec.Cli;

/// <summary>
/// How far fake profiles can push one film into real people's lists (docs/security.md). As in
/// <see cref="CommunityGain"/>, ml-100k's people (the probes) join MovieRec through its use cases,
/// rating all their films, and become its community. Then fakes join too, each rating an obscure
/// target film 5 stars beside 30 fillers chosen by one of the classic shilling attacks (random,
/// average, bandwagon; Lam and Riedl 2004, Mobasher et al. 2007), and the community is built
/// again; a probe counts when the target is in their top 10.
/// </summary>
internal static class ShillingAttack
{
    public const int Fillers = 30;
    private const int ListLength = 10;
    private const int PopularPicks = 40;

    public enum Kind
    {
        Random,
        Average,
        Bandwagon,
    }

    public sealed record Row(string Attack, int Fakes, double Share, int Probes, int Hits);

    public sealed record Result(Movie Target, int TargetRaters, IReadOnlyList<Row> Rows);

    public static async Task<Result> RunAsync(
        RecommendationModel movieLens, EvaluationDataset hundredK, IReadOnlyList<Kind> attacks, IReadOnlyList<double> shares, int seed, int probeCount, int probeRatings, int targetRaters)
    {
        var toLatest = CommunityGain.MapTitles(hundredK.Catalog, movieLens.Catalog);
        var people = Enumerable.Range(0, hundredK.Ratings.UserCount).ToArray();
        new Random(seed).Shuffle(people);
        var probes = people
            .Select(u => (ChatId: $"probe-{hundredK.Ratings.UserId(u)}", Stars: FirstRatings(CommunityGain.RatingsOf(hundredK.Ratings, u, toLatest), probeRatings, seed + u)))
            .Where(p => p.Stars.Count >= RecommendationRules.MinimumRatings)
            .Take(probeCount)
            .ToList();

        var matrix = movieLens.Ratings;
        var seenIn100k = toLatest.Values.ToHashSet();
        var target = ObscureFilm(movieLens, seenIn100k, targetRaters, seed);

        var store = new InMemoryRatingStore();
        var live = new LiveModel(movieLens);
        var service = CommunityGain.ServiceOn(live, store);
        var honestRatings = new List<(string ChatId, IReadOnlyDictionary<int, double> Stars)>();
        foreach (var (chatId, stars) in probes)
        {
            await CommunityGain.JoinAsync(service, chatId, stars);
            honestRatings.Add((chatId, (await store.GetRatingsAsync(chatId, CancellationToken.None))!.StarsByMovie));
        }

        var rows = new List<Row> { new("none", 0, 0, probes.Count, await HitsAsync(movieLens, store, honestRatings, probes, target.Id)) };
        var movieLensUsers = matrix.UserCount;
        var statistics = Statistics.Of(matrix);
        foreach (var attack in attacks)
        {
            foreach (var share in shares)
            {
                var count = (int)Math.Round(movieLensUsers * share, MidpointRounding.AwayFromZero);
                var random = new Random(HashCode.Combine(seed, attack, count));
                var fakes = new List<(string ChatId, IReadOnlyDictionary<int, double> Stars)>();
                for (var f = 0; f < count; f++)
                {
                    // Through the service, as a fake arrives: register, then one rating at a time.
                    var chatId = $"fake-{attack}-{count}-{f}";
                    await CommunityGain.JoinAsync(service, chatId, FakeProfile(attack, matrix, statistics, target.Id, random));
                    fakes.Add((chatId, (await store.GetRatingsAsync(chatId, CancellationToken.None))!.StarsByMovie));
                }

                rows.Add(new Row(attack.ToString().ToLowerInvariant(), count, share, probes.Count, await HitsAsync(movieLens, store, [.. honestRatings, .. fakes], probes, target.Id)));
            }
        }

        return new Result(target, matrix.TryGetMovieIndex(target.Id, out var index) ? matrix.RatingCountOf(index) : 0, rows);
    }

    /// <summary>A new person's first ratings: <paramref name="count"/> of their films, drawn with the seed.</summary>
    private static Dictionary<int, double> FirstRatings(Dictionary<int, double> all, int count, int seed)
    {
        var films = all.Keys.Order().ToArray();
        new Random(seed).Shuffle(films);
        return films.Take(count).ToDictionary(m => m, m => all[m]);
    }

    /// <summary>A film with exactly <paramref name="raters"/> MovieLens ratings that no ml-100k person rated, drawn with the seed.</summary>
    private static Movie ObscureFilm(RecommendationModel movieLens, HashSet<int> seenIn100k, int raters, int seed)
    {
        var matrix = movieLens.Ratings;
        var candidates = Enumerable.Range(0, matrix.MovieCount)
            .Where(m => matrix.RatingCountOf(m) == raters && !seenIn100k.Contains(matrix.MovieId(m)))
            .Select(matrix.MovieId)
            .Order()
            .ToList();
        return movieLens.Catalog.Get(candidates[new Random(seed).Next(candidates.Count)]);
    }

    /// <summary>The community built from these profiles and swapped in; how many probes then get the target in their top 10.</summary>
    private static async Task<int> HitsAsync(
        RecommendationModel movieLens, InMemoryRatingStore store, IReadOnlyList<(string ChatId, IReadOnlyDictionary<int, double> Stars)> community, IReadOnlyList<(string ChatId, Dictionary<int, double> Stars)> probes, int target)
    {
        var live = new LiveModel(movieLens);
        var now = DateTimeOffset.UtcNow;
        live.TryTakeIn(new CommunitySnapshot(1, now, now, now, CommunityRatings.Empty.With(community)));
        var service = CommunityGain.ServiceOn(live, store);
        var hits = 0;
        foreach (var probe in probes)
        {
            var list = await CommunityGain.ListAsync(service, probe.ChatId, ListLength);
            hits += list.Any(p => p.Movie.Id == target) ? 1 : 0;
        }

        return hits;
    }

    /// <summary>The target at 5 stars and <see cref="Fillers"/> other films, as the attack chooses and rates them.</summary>
    private static Dictionary<int, double> FakeProfile(Kind attack, RatingMatrix matrix, Statistics statistics, int target, Random random)
    {
        var profile = new Dictionary<int, double> { [target] = StarScale.Max };
        var rated = Enumerable.Range(0, matrix.MovieCount).Where(m => matrix.RatingCountOf(m) > 0).ToArray();
        if (attack == Kind.Bandwagon)
        {
            // The most rated films, at full marks: close to everyone who saw the blockbusters.
            var popular = rated.OrderByDescending(matrix.RatingCountOf).ThenBy(m => m).Take(PopularPicks).ToArray();
            random.Shuffle(popular);
            foreach (var movie in popular.Take(Fillers))
            {
                profile[matrix.MovieId(movie)] = StarScale.Max;
            }

            return profile;
        }

        while (profile.Count < Fillers + 1)
        {
            var movie = rated[random.Next(rated.Length)];
            var stars = attack == Kind.Average ? statistics.MovieMeans[movie] : statistics.Mean + (statistics.Deviation * Gaussian(random));
            profile[matrix.MovieId(movie)] = HalfStars(stars);
        }

        return profile;
    }

    /// <summary>What the average and random attacks need to know: every film's mean stars, and the mean and spread of all stars.</summary>
    private sealed record Statistics(double[] MovieMeans, double Mean, double Deviation)
    {
        public static Statistics Of(RatingMatrix matrix)
        {
            var sums = new double[matrix.MovieCount];
            double sum = 0, squares = 0;
            for (var u = 0; u < matrix.UserCount; u++)
            {
                var movies = matrix.MoviesRatedBy(u);
                var stars = matrix.StarsGivenBy(u);
                for (var i = 0; i < movies.Length; i++)
                {
                    sums[movies[i]] += stars[i];
                    sum += stars[i];
                    squares += stars[i] * stars[i];
                }
            }

            var mean = sum / matrix.RatingCount;
            var means = sums.Select((total, m) => matrix.RatingCountOf(m) == 0 ? mean : total / matrix.RatingCountOf(m)).ToArray();
            return new Statistics(means, mean, Math.Sqrt((squares / matrix.RatingCount) - (mean * mean)));
        }
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static double HalfStars(double stars) => Math.Clamp(Math.Round(stars * 2, MidpointRounding.AwayFromZero) / 2, StarScale.Min, StarScale.Max);
}
