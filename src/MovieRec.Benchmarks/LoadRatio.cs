using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Azure;
using Azure.Data.Tables;

namespace MovieRec.Benchmarks;

/// <summary>
/// The app's throughput as a share of its store's own (docs/performance.md), measured side by side
/// in one run by one load generator: /recommend against the partition query it makes, sent straight
/// to the Table service, and /rate_movie against the transaction it makes. Absolute numbers depend
/// on the machine; the ratios say what the app costs on top of its store. /rate_movie makes three
/// store calls (the change note beside the transaction, then the read that counts), so its ratio
/// to the transaction alone is at most about a half.
/// </summary>
internal static class LoadRatio
{
    private static readonly int[] TwelveFilms = [1, 260, 1196, 1210, 2571, 589, 1240, 480, 32, 50, 318, 296];

    public static async Task<int> RunAsync(Uri app, string tableConnection, TimeSpan duration, IReadOnlyList<int> connections)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections.Max() }) { BaseAddress = app, Timeout = TimeSpan.FromSeconds(30) };
        await PostAsync(http, "/register", new { chat_id = "load-recommend" });
        // Ratings go to 200 people, so no one partition grows past what a person rates.
        var raters = Enumerable.Range(0, 200).Select(i => $"load-rater-{i}").ToArray();
        foreach (var rater in raters)
        {
            await PostAsync(http, "/register", new { chat_id = rater });
        }

        foreach (var film in TwelveFilms)
        {
            await PostAsync(http, "/rate_movie", new { chat_id = "load-recommend", movie_id = film, rating = 4.5 });
        }

        var users = new TableClient(tableConnection, "movierecusers");
        var changes = new TableClient(tableConnection, "movierecchanges");
        // Ratings replace ratings of twelve films: Azurite answers a partition query by scanning its
        // whole table, so a table that grew during the run would slow every later row.
        var films = TwelveFilms;

        Console.WriteLine("| connections | call | req/s | p50 ms | p99 ms | failed | app ÷ store |");
        Console.WriteLine("| ---: | --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var n in connections)
        {
            var recommend = await MeasureAsync(n, duration, async () =>
                (await http.PostAsJsonAsync("/recommend", new { chat_id = "load-recommend", top_n = 3 })).IsSuccessStatusCode);
            var query = await MeasureAsync(n, duration, async () =>
            {
                await foreach (var _ in users.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"load-recommend"}"), select: ["RowKey", "Stars", "Skipped"]))
                {
                }

                return true;
            });
            var rate = await MeasureAsync(n, duration, async () =>
                (await http.PostAsJsonAsync("/rate_movie", new { chat_id = raters[Random.Shared.Next(raters.Length)], movie_id = films[Random.Shared.Next(films.Length)], rating = 4 })).IsSuccessStatusCode);
            var transaction = await MeasureAsync(n, duration, () => RateStraightAsync(users, changes, raters, films, withNoteAndCount: false));
            var threeCalls = await MeasureAsync(n, duration, () => RateStraightAsync(users, changes, raters, films, withNoteAndCount: true));
            Print(n, "POST /recommend", recommend, recommend.PerSecond / query.PerSecond);
            Print(n, "partition query, straight to the store", query, null);
            Print(n, "POST /rate_movie", rate, rate.PerSecond / transaction.PerSecond);
            Print(n, "rating transaction, straight to the store", transaction, null);
            Print(n, "transaction + change note, then the count's read, straight to the store", threeCalls, rate.PerSecond / threeCalls.PerSecond);
        }

        return 0;
    }

    /// <summary>What TableRatingStore sends for a rating: the transaction, or all three calls /rate_movie makes.</summary>
    private static async Task<bool> RateStraightAsync(TableClient users, TableClient changes, string[] raters, int[] films, bool withNoteAndCount)
    {
        var now = DateTimeOffset.UtcNow;
        var rater = raters[Random.Shared.Next(raters.Length)];
        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.UpdateMerge, new TableEntity(rater, "user") { ["LastRatedAt"] = now }, ETag.All),
            new(TableTransactionActionType.UpsertReplace, new TableEntity(rater, $"rating-{films[Random.Shared.Next(films.Length)]:D10}") { ["Stars"] = 4.0, ["RatedAt"] = now }),
        ];
        if (!withNoteAndCount)
        {
            await users.SubmitTransactionAsync(actions);
            return true;
        }

        var note = changes.UpsertEntityAsync(new TableEntity(now.ToString("yyyyMMddHH", CultureInfo.InvariantCulture), rater) { ["ChangedAt"] = now }, TableUpdateMode.Replace);
        await Task.WhenAll(note, users.SubmitTransactionAsync(actions));
        await foreach (var _ in users.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {rater}"), select: ["RowKey", "Stars", "Skipped"]))
        {
        }

        return true;
    }

    private sealed record Measured(double PerSecond, double P50, double P99, int Failed);

    private static async Task<Measured> MeasureAsync(int concurrency, TimeSpan duration, Func<Task<bool>> call)
    {
        var latencies = new List<double>[concurrency];
        var failed = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = latencies[worker] = [];
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    ok = await call();
                }
                catch (Exception e) when (e is HttpRequestException or RequestFailedException or TaskCanceledException)
                {
                    ok = false;
                }

                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!ok)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }));
        var elapsed = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Measured(all.Length / elapsed, all[all.Length / 2], all[(int)(all.Length * 0.99)], failed);
    }

    private static void Print(int connections, string call, Measured m, double? ratio) =>
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {connections} | {call} | {m.PerSecond:0} | {m.P50:0.0} | {m.P99:0.0} | {m.Failed} | {(ratio is { } r ? $"{r:0.00}" : "")} |"));

    private static async Task PostAsync(HttpClient http, string path, object body)
    {
        using var answer = await http.PostAsJsonAsync(path, body);
        answer.EnsureSuccessStatusCode();
    }
}
