using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MovieRec.Domain;
using MovieRec.Evaluation;
using MovieRec.Service;
using MovieRec.Storage;

namespace MovieRec.Cli;

/// <summary>
/// What the community adds: ml-100k's people join MovieRec through its use cases (the calls the
/// HTTP routes make) on a MovieLens ml-latest-small model, in two halves. Each person of the
/// second half rates 80% of their films and is scored on the other 20% (nDCG@10, binary gains,
/// held-out ratings of 4+ relevant: the top-N protocol of docs/quality.md), once with a pool of
/// MovieLens alone and once after the first half has joined and the community was built.
/// </summary>
internal static partial class CommunityGain
{
    private const int ListLength = 10;
    private const double HoldoutShare = 0.2;

    public sealed record Row(string Pool, int PoolUsers, int AppUsers, int People, double Ndcg, double Precision, double Recall);

    public sealed record Result(int Mapped, int Films, Row MovieLensOnly, Row WithCommunity);

    public static async Task<Result> RunAsync(RecommendationModel movieLens, EvaluationDataset hundredK, int seed)
    {
        var toLatest = MapTitles(hundredK.Catalog, movieLens.Catalog);
        var people = Enumerable.Range(0, hundredK.Ratings.UserCount).ToArray();
        new Random(seed).Shuffle(people);
        var firstHalf = people[..(people.Length / 2)];
        var secondHalf = people[(people.Length / 2)..];
        var asked = secondHalf.Select(u => Split(hundredK.Ratings, u, toLatest, seed)).Where(p => p.Train.Count >= RecommendationRules.MinimumRatings && p.Relevant.Count > 0).ToList();

        var alone = await ScoreAsync(new LiveModel(movieLens), new InMemoryRatingStore(), asked, "MovieLens alone");

        var store = new InMemoryRatingStore();
        var live = new LiveModel(movieLens);
        var service = ServiceOn(live, store);
        foreach (var user in firstHalf)
        {
            await JoinAsync(service, $"first-{user}", RatingsOf(hundredK.Ratings, user, toLatest));
        }

        // The builder's full build: everyone's ratings, made into the next snapshot and swapped in.
        var everyone = await store.ReadAllAsync(CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        var community = CommunityRatings.Empty.With(everyone.Select(u => (u.ChatId, u.StarsByMovie)));
        live.TryTakeIn(new CommunitySnapshot(1, now, now, now, community));
        var joined = await ScoreAsync(live, store, asked, "MovieLens + first half");

        return new Result(toLatest.Count, hundredK.Catalog.Count, alone, joined);
    }

    private static async Task<Row> ScoreAsync(LiveModel live, InMemoryRatingStore store, List<Person> asked, string name)
    {
        var service = ServiceOn(live, store);
        double ndcg = 0, precision = 0, recall = 0;
        foreach (var person in asked)
        {
            var chatId = $"asked-{person.UserId}";
            await JoinAsync(service, chatId, person.Train);
            var list = (await ListAsync(service, chatId, ListLength)).Select(p => p.Movie.Id).ToList();
            double dcg = 0, ideal = 0, hits = 0;
            for (var i = 0; i < ListLength; i++)
            {
                if (i < list.Count && person.Relevant.Contains(list[i]))
                {
                    dcg += 1 / Math.Log2(i + 2);
                    hits++;
                }

                if (i < person.Relevant.Count)
                {
                    ideal += 1 / Math.Log2(i + 2);
                }
            }

            ndcg += dcg / ideal;
            precision += hits / ListLength;
            recall += hits / person.Relevant.Count;
        }

        var model = live.Current;
        return new Row(name, model.Ratings.UserCount, model.AppUsers, asked.Count, ndcg / asked.Count, precision / asked.Count, recall / asked.Count);
    }

    internal static RecommenderService ServiceOn(LiveModel live, IRatingStore store)
    {
        var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        return new RecommenderService(live, store, new Random(1), new MovieRecMetrics(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()));
    }

    /// <summary>A simulated person's list: each has joined, so a refusal is a bug of the simulation.</summary>
    internal static async Task<IReadOnlyList<RecommendedMovie>> ListAsync(RecommenderService service, string chatId, int length) =>
        (await service.RecommendAsync(chatId, length, CancellationToken.None)).Match(
            picks => picks,
            refusal => throw new InvalidOperationException($"{chatId} was refused a list: {refusal}."));

    internal static async Task JoinAsync(RecommenderService service, string chatId, IReadOnlyDictionary<int, double> ratings)
    {
        await service.RegisterAsync(chatId, CancellationToken.None);
        foreach (var (movieId, stars) in ratings)
        {
            await service.RateMovieAsync(chatId, movieId, stars, CancellationToken.None);
        }
    }

    internal sealed record Person(int UserId, Dictionary<int, double> Train, HashSet<int> Relevant);

    internal static Person Split(RatingMatrix ratings, int user, IReadOnlyDictionary<int, int> toLatest, int seed)
    {
        var all = RatingsOf(ratings, user, toLatest).ToArray();
        new Random(seed + user).Shuffle(all);
        var held = (int)Math.Round(all.Length * HoldoutShare, MidpointRounding.AwayFromZero);
        return new Person(
            ratings.UserId(user),
            all[held..].ToDictionary(r => r.Key, r => r.Value),
            all[..held].Where(r => r.Value >= OfflineEvaluation.RelevantStars).Select(r => r.Key).ToHashSet());
    }

    /// <summary>A person's ratings as ml-latest-small movie ids, in movie order; films without a match are left out.</summary>
    internal static Dictionary<int, double> RatingsOf(RatingMatrix ratings, int user, IReadOnlyDictionary<int, int> toLatest)
    {
        var movies = ratings.MoviesRatedBy(user);
        var stars = ratings.StarsGivenBy(user);
        var mapped = new Dictionary<int, double>();
        for (var i = 0; i < movies.Length; i++)
        {
            if (toLatest.TryGetValue(ratings.MovieId(movies[i]), out var latest))
            {
                mapped[latest] = stars[i];
            }
        }

        return mapped;
    }

    /// <summary>ml-100k movie id to ml-latest-small movie id, where the titles (with their years) are the same once normalised and unique.</summary>
    internal static Dictionary<int, int> MapTitles(MovieCatalog hundredK, MovieCatalog latest)
    {
        var byTitle = latest.Movies.GroupBy(m => Normalise(m.Title)).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single().Id);
        return hundredK.Movies
            .Select(m => (m.Id, Title: Normalise(m.Title)))
            .GroupBy(m => m.Title)
            .Where(g => g.Count() == 1 && byTitle.ContainsKey(g.Key))
            .ToDictionary(g => g.Single().Id, g => byTitle[g.Key]);
    }

    private static string Normalise(string title) => Spaces().Replace(title.Trim().ToLowerInvariant(), " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
