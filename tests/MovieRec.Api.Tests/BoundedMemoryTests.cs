using System.Globalization;
using System.Text.Json;
using MovieRec.Bot;
using MovieRec.Testing;
using Xunit.Abstractions;

namespace MovieRec.Api.Tests;

/// <summary>
/// No caller input grows memory without a bound (docs/security.md, "What callers can make the app
/// hold"): thousands of distinct requests leave the heap, after a full collection, where it was.
/// Measured alone (no other test allocating beside it).
/// </summary>
[Collection(nameof(MeasuredAlone))]
public sealed class BoundedMemoryTests(ITestOutputHelper output)
{
    /// <summary>
    /// How much the heap may grow (after a full collection) over the whole run. Nothing should be
    /// kept per list; the margin is for what the host settles into (pools, JIT'd code's data). A
    /// cache of each list's films, as there was, passes it within the first thousand lists.
    /// </summary>
    private const long MaxGrowthBytes = 16 * 1024 * 1024;

    private const string Token = "123456789:AAbbccddeeffgghhiijjkkllmmnnooppqq";
    private const string Key = "bounded-memory-key-0123456789";
    private const long Person = 5252;

    [Fact]
    public async Task Ten_thousand_distinct_genre_lists_through_recommend_and_the_mini_app_leave_the_heap_where_it_was()
    {
        await using var api = InProcessApi.With(new Dictionary<string, string>
        {
            ["API_KEYS"] = Key,
            ["TELEGRAM_BOT_TOKEN"] = Token,
            ["TELEGRAM_WEBHOOK_SECRET"] = "bounded-memory-secret",
            ["RATE_LIMIT_MINIAPP_SIGNINS_PER_MINUTE"] = "1000000",
        });
        var signIn = "tma " + MiniAppInitData.Sign(Token, Person, DateTimeOffset.UtcNow);
        var me = await api.Client.PostTextAsync("/app/api/me", "{}", headers: new Dictionary<string, string> { ["Authorization"] = signIn });
        await api.Client.PostTextAsync("/register", "{\"chat_id\": \"backend-person\"}", headers: new Dictionary<string, string> { ["x-functions-key"] = Key });
        var genres = me.Body.GetProperty("genres").EnumerateArray().Select(g => g.GetString()!).ToArray();
        var lists = DistinctLists(genres, 10_100, seed: 20261206);

        async Task SendAsync(string[] list)
        {
            var json = JsonSerializer.Serialize(list);
            var byKey = await api.Client.PostTextAsync(
                "/recommend", $"{{\"chat_id\": \"backend-person\", \"genres\": {json}}}", headers: new Dictionary<string, string> { ["x-functions-key"] = Key });
            var byPerson = await api.Client.PostTextAsync(
                "/app/api/recommend", $"{{\"genres\": {json}}}", headers: new Dictionary<string, string> { ["Authorization"] = signIn });
            Assert.True(byKey.Status == 200 && byPerson.Status == 200, $"{json} → {byKey.Status}, {byPerson.Status}");
        }

        // The first hundred settle the host in (the model's lazy indexes, the JIT), then the measure.
        foreach (var list in lists[..100])
        {
            await SendAsync(list);
        }

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var growth = 0L;
        for (var i = 100; i < lists.Length; i++)
        {
            await SendAsync(lists[i]);
            if ((i + 1) % 1_000 == 0 || i == lists.Length - 1)
            {
                growth = GC.GetTotalMemory(forceFullCollection: true) - before;
                Assert.True(growth < MaxGrowthBytes, $"after {i + 1 - 100} distinct lists the heap grew by {growth / 1024 / 1024} MiB");
            }
        }

        output.WriteLine($"10,000 distinct lists, each through /recommend and /app/api/recommend: heap {before / 1024 / 1024} MiB before, grew by {growth / 1024} KiB");
    }

    [Fact]
    public async Task A_genre_named_again_in_any_case_counts_once()
    {
        await using var api = InProcessApi.With(new Dictionary<string, string>());
        await api.PostAsync("/register", new { chat_id = "twice" });
        foreach (var film in Repository.MovieLens.Catalog.Movies.Where(m => m.Genres.Contains("Drama", StringComparison.Ordinal)).Take(12))
        {
            await api.PostAsync("/rate_movie", new { chat_id = "twice", movie_id = film.Id, rating = 4.5 });
        }

        var once = await api.PostAsync("/recommend", new { chat_id = "twice", top_n = 10, genres = new[] { "Comedy", "Horror" } });
        var repeated = await api.PostAsync("/recommend", new { chat_id = "twice", top_n = 10, genres = new[] { "horror", "COMEDY", " Comedy ", "comedy", "Horror", "HORROR" } });

        Assert.Equal(200, repeated.Status);
        Assert.Equal(10, once.Body.GetProperty("movies").GetArrayLength());
        Assert.Equal(once.Body.GetProperty("movies").GetRawText(), repeated.Body.GetProperty("movies").GetRawText());
    }

    /// <summary>
    /// Lists of 1 to 8 names drawn from the catalogue's genres: repeats, any order, and each name
    /// in one of four spellings (as listed, lower, upper, one letter's case flipped). Distinct as
    /// sent, and distinct as multisets too, so a cache keyed by the sorted list would keep one each.
    /// </summary>
    private static string[][] DistinctLists(string[] genres, int count, int seed)
    {
        var random = new Random(seed);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lists = new List<string[]>();
        while (lists.Count < count)
        {
            var picks = Enumerable.Range(0, random.Next(1, 9)).Select(_ => genres[random.Next(genres.Length)]).ToArray();
            var multiset = string.Join('|', picks.Order(StringComparer.Ordinal));
            if (seen.Add(multiset))
            {
                lists.Add([.. picks.Select(g => Spelled(g, random.Next(4)))]);
            }
        }

        return [.. lists];
    }

    private static string Spelled(string genre, int way) => way switch
    {
        0 => genre,
        1 => genre.ToLowerInvariant(),
        2 => genre.ToUpperInvariant(),
        _ => (char.IsUpper(genre[0]) ? char.ToLowerInvariant(genre[0]) : char.ToUpperInvariant(genre[0])).ToString(CultureInfo.InvariantCulture) + genre[1..],
    };
}

/// <summary>Tests that measure the process (its heap) and so must not share it with tests running beside them.</summary>
[CollectionDefinition(nameof(MeasuredAlone), DisableParallelization = true)]
public sealed class MeasuredAlone;
