using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MovieRec.DataFiles;
using MovieRec.Domain;
using MovieRec.Service;
using MovieRec.Storage;

namespace MovieRec.Benchmarks;

/// <summary>
/// The community builder against a real Table and Blob service (Azurite, started by
/// scripts/bench-community.sh): <c>users</c> app users with 20 ratings each are written straight
/// into the users table and published as snapshot 1 (what a previous build would have left);
/// then in each round a share of them rate one more film through the store (change notes and
/// all) and an incremental build runs. Optionally, last, one full read of every user, as the
/// daily full build does. Prints each build's time, the store calls it made and the snapshot's size, and the medians.
/// </summary>
internal static class CommunityRebuild
{
    private const int RatingsPerUser = 20;
    public static async Task<int> RunAsync(string connectionString, int users, double changedShare, int rounds, bool fullRead)
    {
        var storage = Options.Create(new StorageOptions { RatingsStorage = connectionString });
        var tables = new TableStorage(storage, new StoreOutage(TimeProvider.System), new StoreBulkhead());
        var store = new CountingStore(new TableRatingStore(tables, TimeProvider.System));
        var snapshots = new BlobModelSnapshots(storage);
        var movieLens = RecommendationModel.Load(DataFolder.MovieLens(), new RecommenderOptions());
        var live = new LiveModel(movieLens);
        var builder = new CommunityBuilder(
            store, snapshots, live, Options.Create(new ModelRefreshOptions { Interval = TimeSpan.FromSeconds(1), ClockMargin = TimeSpan.Zero }), TimeProvider.System, NullLogger<CommunityBuilder>.Instance);
        var films = Enumerable.Range(0, movieLens.Ratings.MovieCount).OrderByDescending(movieLens.Ratings.RatingCountOf)
            .Take(2_000).Select(movieLens.Ratings.MovieId).ToArray();

        var clock = Stopwatch.StartNew();
        var seeded = await SeedAsync(new TableServiceClient(connectionString).GetTableClient(storage.Value.UsersTable), users, films);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {users:N0} users × {RatingsPerUser} ratings in {clock.Elapsed.TotalSeconds:0.0} s"));
        var now = DateTimeOffset.UtcNow;
        var first = new CommunitySnapshot(1, now, now, now, CommunityRatings.Empty.With(seeded));
        await snapshots.TryPublishAsync(first.Version, first.BuiltAt, CommunitySnapshotEncoding.ToBytes(first), CancellationToken.None);
        Console.WriteLine($"published snapshot 1 of the seeded users: {first.Ratings.UserCount:N0} app users");

        var random = new Random(42);
        var incremental = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            var changed = Enumerable.Range(0, users).OrderBy(_ => random.Next()).Take((int)(users * changedShare)).ToList();
            await Parallel.ForEachAsync(changed, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (user, cancellationToken) =>
                await store.SaveRatingAsync(ChatIdOf(user), films[^round], 4, cancellationToken));
            await Task.Delay(TimeSpan.FromSeconds(1.1));
            incremental.Add(await BuildAsync($"incremental build, {changed.Count:N0} changed", builder, store, snapshots));
        }

        var loads = new List<double>();
        var bytes = (await snapshots.DownloadAsync((await snapshots.LatestAsync(CancellationToken.None))!.Version, CancellationToken.None))!;
        for (var run = 0; run < 3; run++)
        {
            clock.Restart();
            movieLens.WithCommunity(CommunitySnapshotEncoding.FromBytes(bytes));
            loads.Add(clock.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"median incremental build {Median(incremental):0} ms; snapshot {bytes.Length:N0} bytes, read and made into a model in {Median(loads):0} ms (median of 3)"));

        if (!fullRead)
        {
            return 0;
        }

        // What the daily full build reads.
        clock.Restart();
        try
        {
            var everyone = await store.ReadAllAsync(CancellationToken.None);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"full read: {everyone.Count:N0} users in {clock.Elapsed.TotalSeconds:0.0} s"));
        }
        catch (StoreUnavailableException e)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"full read: failed after {clock.Elapsed.TotalSeconds:0.0} s ({e.Message})"));
        }

        return 0;
    }

    private static async Task<double> BuildAsync(string what, CommunityBuilder builder, CountingStore store, BlobModelSnapshots snapshots)
    {
        var calls = store.Calls;
        var clock = Stopwatch.StartNew();
        var outcome = await builder.BuildIfDueAsync(CancellationToken.None);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        var latest = await snapshots.LatestAsync(CancellationToken.None);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{what}: {outcome} in {elapsed:0} ms, {store.Calls - calls:N0} store calls, snapshot version {latest?.Version}"));
        return elapsed;
    }

    /// <summary>Writes users the way TableRatingStore lays them out (a "user" row and "rating-{id:D10}" rows), one transaction each.</summary>
    private static async Task<List<(string ChatId, IReadOnlyDictionary<int, double> Stars)>> SeedAsync(TableClient users, int count, int[] films)
    {
        await users.CreateIfNotExistsAsync();
        var seeded = new ConcurrentBag<(string, IReadOnlyDictionary<int, double>)>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (user, cancellationToken) =>
        {
            var random = new Random(user);
            var chatId = ChatIdOf(user);
            var stars = films.OrderBy(_ => random.Next()).Take(RatingsPerUser).ToDictionary(f => f, _ => 0.5 * random.Next(1, 11));
            var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpsertReplace, new TableEntity(chatId, "user")) };
            foreach (var (film, value) in stars)
            {
                var rowKey = "rating-" + film.ToString("D10", CultureInfo.InvariantCulture);
                actions.Add(new(TableTransactionActionType.UpsertReplace, new TableEntity(chatId, rowKey) { ["Stars"] = value }));
            }

            await users.SubmitTransactionAsync(actions, cancellationToken);
            seeded.Add((chatId, stars));
            if (seeded.Count % 10_000 == 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {seeded.Count:N0} users written, {clock.Elapsed.TotalSeconds:0} s"));
            }
        });
        return [.. seeded];
    }

    private static string ChatIdOf(int user) => (1_000_000_000L + user).ToString(CultureInfo.InvariantCulture);

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    /// <summary>The store, counting Table requests (a read of chosen users is one partition query each): what a build costs.</summary>
    private sealed class CountingStore(IRatingStore inner) : IRatingStore
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public Task<bool> TryRegisterAsync(string chatId, CancellationToken cancellationToken) => Count(inner.TryRegisterAsync(chatId, cancellationToken));

        public Task<UserRatings?> GetRatingsAsync(string chatId, CancellationToken cancellationToken) => Count(inner.GetRatingsAsync(chatId, cancellationToken));

        public Task<bool> SaveRatingAsync(string chatId, int movieId, double stars, CancellationToken cancellationToken) =>
            Count(inner.SaveRatingAsync(chatId, movieId, stars, cancellationToken));

        public Task<bool> SaveSkipAsync(string chatId, int movieId, CancellationToken cancellationToken) => Count(inner.SaveSkipAsync(chatId, movieId, cancellationToken));

        public Task<IReadOnlySet<string>> ChangedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
            Count(inner.ChangedSinceAsync(since, cancellationToken));

        public Task<IReadOnlyList<UserRatings>> ReadUsersAsync(IReadOnlyCollection<string> chatIds, CancellationToken cancellationToken) =>
            Count(inner.ReadUsersAsync(chatIds, cancellationToken), chatIds.Count);

        public Task<IReadOnlyList<UserRatings>> ReadAllAsync(CancellationToken cancellationToken) => Count(inner.ReadAllAsync(cancellationToken));

        public Task<bool> ForgetAsync(string chatId, CancellationToken cancellationToken) => Count(inner.ForgetAsync(chatId, cancellationToken));

        public Task<Removal> RemoveAsync(string chatId, int movieId, CancellationToken cancellationToken) => Count(inner.RemoveAsync(chatId, movieId, cancellationToken));

        public Task<int> SweepChangeNotesAsync(DateTimeOffset olderThan, CancellationToken cancellationToken) => Count(inner.SweepChangeNotesAsync(olderThan, cancellationToken));

        private Task<T> Count<T>(Task<T> call, int requests = 1)
        {
            Interlocked.Add(ref _calls, requests);
            return call;
        }
    }
}
