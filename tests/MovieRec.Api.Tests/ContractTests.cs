using System.Text.Json;

namespace MovieRec.Api.Tests;

/// <summary>Every route and every error of the contract, over HTTP against the standalone host in process on the in-memory store.</summary>
public class ContractTests(InProcessApi api) : IClassFixture<InProcessApi>
{
    private readonly InProcessApi _host = api;

    [Fact]
    public async Task Register_answers_exists_0_the_first_time_and_1_after()
    {
        var chatId = ApiFixture.NewChatId();

        var first = await _host.PostAsync("/register", new { chat_id = chatId });
        var second = await _host.PostAsync("/register", new { chat_id = chatId });

        Assert.Equal((200, 0), (first.Status, first.Body.GetProperty("exists").GetInt32()));
        Assert.Equal((200, 1), (second.Status, second.Body.GetProperty("exists").GetInt32()));
    }

    [Fact]
    public async Task A_numeric_chat_id_and_its_string_are_the_same_user()
    {
        var number = Random.Shared.NextInt64(1_000_000_000, 9_000_000_000) * -1;

        var asNumber = await _host.PostAsync("/register", $"{{\"chat_id\": {number}}}");
        var asString = await _host.PostAsync("/register", $"{{\"chat_id\": \"{number}\"}}");
        await _host.PostAsync("/rate_movie", $"{{\"chat_id\": {number}, \"movie_id\": 1, \"rating\": 4}}");
        var unrated = await _host.PostAsync("/get_unrated_movie", $"{{\"chat_id\": \"{number}\"}}");

        Assert.Equal(0, asNumber.Body.GetProperty("exists").GetInt32());
        Assert.Equal(1, asString.Body.GetProperty("exists").GetInt32());
        Assert.Equal(200, unrated.Status);
    }

    [Fact]
    public async Task Get_unrated_movie_answers_a_catalog_movie_with_its_imdb_url()
    {
        var chatId = await RegisteredAsync();

        var (status, body) = await _host.PostAsync("/get_unrated_movie", new { chat_id = chatId });

        Assert.Equal(200, status);
        Assert.True(body.GetProperty("id").GetInt32() > 0);
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("title").GetString()));
        Assert.Matches(@"^https://(www\.imdb\.com/title/tt\d{7,8}/|movielens\.org/movies/\d+)$", body.GetProperty("url").GetString());
    }

    [Fact]
    public async Task Rate_movie_and_its_alias_rate_store_and_rating_again_replaces()
    {
        var chatId = await RegisteredAsync();

        var rated = await _host.PostAsync("/rate_movie", new { chat_id = chatId, movie_id = 1, rating = 2.5 });
        var again = await _host.PostAsync("/rate", new { chat_id = chatId, movie_id = 1, rating = 5 });

        Assert.Equal((200, "success"), (rated.Status, rated.Body.GetProperty("status").GetString()));
        Assert.Equal((200, "success"), (again.Status, again.Body.GetProperty("status").GetString()));
        var store = Store();
        var ratings = await store.GetRatingsAsync(chatId, CancellationToken.None);
        Assert.Equal(new Dictionary<int, double> { [1] = 5 }, ratings!.StarsByMovie);
    }

    [Fact]
    public async Task Recommend_is_empty_for_an_unknown_chat_id_and_for_a_new_user()
    {
        var unknown = await _host.PostAsync("/recommend", new { chat_id = ApiFixture.NewChatId(), top_n = 3 });
        var fresh = await _host.PostAsync("/recommend", new { chat_id = await RegisteredAsync() });

        Assert.Equal((200, 0), (unknown.Status, unknown.Body.GetProperty("movies").GetArrayLength()));
        Assert.Equal((200, 0), (fresh.Status, fresh.Body.GetProperty("movies").GetArrayLength()));
    }

    [Fact]
    public async Task Health_reports_the_matrix_counts()
    {
        using var response = await _host.Client.GetAsync("/health");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(("ok", 9742, 610, 100836), (
            body.GetProperty("status").GetString(),
            body.GetProperty("movies").GetInt32(),
            body.GetProperty("users").GetInt32(),
            body.GetProperty("ratings").GetInt32()));
    }

    [Theory]
    [InlineData("/get_unrated_movie")]
    [InlineData("/rate_movie")]
    [InlineData("/skip_movie")]
    public async Task An_unknown_chat_id_is_404(string path)
    {
        var (status, body) = await _host.PostAsync(path, new { chat_id = ApiFixture.NewChatId(), movie_id = 1, rating = 4 });

        Assert.Equal(404, status);
        Assert.Contains("not registered", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_movie_is_404_and_stores_nothing()
    {
        var chatId = await RegisteredAsync();

        var (status, body) = await _host.PostAsync("/rate_movie", new { chat_id = chatId, movie_id = 999_999_999, rating = 4 });

        Assert.Equal(404, status);
        Assert.Contains("Movie 999999999 is not in", body.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty((await Store().GetRatingsAsync(chatId, CancellationToken.None))!.StarsByMovie);
    }

    [Fact]
    public async Task Skipping_answers_success_and_the_movie_is_never_offered_or_recommended_and_does_not_count()
    {
        var chatId = await RegisteredAsync();
        int[] tenFilms = [1, 260, 1196, 1210, 2571, 589, 1240, 480, 32, 50];
        foreach (var film in tenFilms)
        {
            await _host.PostAsync("/rate_movie", new { chat_id = chatId, movie_id = film, rating = 4.5 });
        }

        var before = (await _host.PostAsync("/recommend", new { chat_id = chatId, top_n = 5 })).Body.GetProperty("movies").EnumerateArray().Select(m => m.GetProperty("id").GetInt32()).ToList();
        foreach (var film in before)
        {
            var (status, body) = await _host.PostAsync("/skip_movie", new { chat_id = chatId, movie_id = film });
            Assert.Equal((200, "success"), (status, body.GetProperty("status").GetString()));
        }

        var after = (await _host.PostAsync("/recommend", new { chat_id = chatId, top_n = 100 })).Body.GetProperty("movies").EnumerateArray().Select(m => m.GetProperty("id").GetInt32()).ToList();
        Assert.Equal(100, after.Count);
        Assert.Empty(after.Intersect(before));
        var stored = (await Store().GetRatingsAsync(chatId, CancellationToken.None))!;
        Assert.Equal(10, stored.StarsByMovie.Count);
        Assert.Equal(before.Order(), stored.Skipped.Order());
        var rated = await _host.PostAsync("/rate_movie", new { chat_id = chatId, movie_id = 318, rating = 4 });
        Assert.Equal(11, rated.Body.GetProperty("rated_movies").GetInt32());
    }

    [Fact]
    public async Task Rating_a_skipped_movie_ends_the_skip_and_skipping_a_rated_one_keeps_the_rating()
    {
        var chatId = await RegisteredAsync();
        await _host.PostAsync("/skip_movie", new { chat_id = chatId, movie_id = 318 });
        await _host.PostAsync("/rate_movie", new { chat_id = chatId, movie_id = 318, rating = 5 });
        await _host.PostAsync("/rate_movie", new { chat_id = chatId, movie_id = 296, rating = 3 });
        await _host.PostAsync("/skip_movie", new { chat_id = chatId, movie_id = 296 });

        var stored = (await Store().GetRatingsAsync(chatId, CancellationToken.None))!;
        Assert.Equal(new Dictionary<int, double> { [318] = 5, [296] = 3 }, stored.StarsByMovie);
        Assert.Empty(stored.Skipped);
    }

    [Fact]
    public async Task A_skip_and_a_rating_of_one_movie_sent_at_once_always_leave_it_rated()
    {
        var chatIds = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => RegisteredAsync()));

        await Task.WhenAll(chatIds.SelectMany(chatId => new[]
        {
            _host.PostAsync("/skip_movie", new { chat_id = chatId, movie_id = 593 }),
            _host.PostAsync("/rate_movie", new { chat_id = chatId, movie_id = 593, rating = 4 }),
        }));

        foreach (var chatId in chatIds)
        {
            var stored = (await Store().GetRatingsAsync(chatId, CancellationToken.None))!;
            Assert.Equal(new Dictionary<int, double> { [593] = 4 }, stored.StarsByMovie);
            Assert.Empty(stored.Skipped);
        }
    }

    [Fact]
    public async Task Skipping_an_unknown_movie_is_404_and_stores_nothing()
    {
        var chatId = await RegisteredAsync();

        var (status, body) = await _host.PostAsync("/skip_movie", new { chat_id = chatId, movie_id = 999_999_999 });

        Assert.Equal(404, status);
        Assert.Contains("Movie 999999999 is not in", body.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty((await Store().GetRatingsAsync(chatId, CancellationToken.None))!.Skipped);
    }

    [Theory]
    [InlineData("{\"chat_id\": \"x1\"}", "movie_id is required")]
    [InlineData("{\"chat_id\": \"x1\", \"movie_id\": \"318\"}", "movie_id must be a positive whole number")]
    [InlineData("{\"chat_id\": \"x1\", \"movie_id\": -3}", "movie_id must be a positive whole number")]
    public async Task A_bad_skip_is_400_with_a_reason(string json, string reason)
    {
        var (status, body) = await _host.PostAsync("/skip_movie", json);

        Assert.Equal(400, status);
        Assert.Contains(reason, body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[1, 2]", "must be a JSON object")]
    [InlineData("{}", "chat_id is required")]
    [InlineData("{\"chat_id\": true}", "chat_id must be a string or a whole number")]
    [InlineData("{\"chat_id\": 1.5}", "chat_id must be a string or a whole number")]
    [InlineData("{\"chat_id\": 99999999999999999999999}", "chat_id must be a string or a whole number")]
    [InlineData("{\"chat_id\": \"\"}", "chat_id must be 1 to 64 characters")]
    [InlineData("{\"chat_id\": \"a/b\"}", "chat_id must be 1 to 64 characters")]
    [InlineData("{\"chat_id\": \"ab\\n\"}", "chat_id must be 1 to 64 characters")]
    [InlineData("{\"chat_id\": \"\u00e9l\u00e8ve\"}", "chat_id must be 1 to 64 characters")]
    public async Task Bad_chat_ids_and_bodies_are_400_with_a_reason(string json, string reason)
    {
        var (status, body) = await _host.PostAsync("/register", json);

        Assert.Equal(400, status);
        Assert.Contains(reason, body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"chat_id\": \"CHAT\", \"movie_id\": 1}", "rating is required")]
    [InlineData("{\"chat_id\": \"CHAT\", \"rating\": 4}", "movie_id is required")]
    [InlineData("{\"chat_id\": \"CHAT\", \"movie_id\": \"1\", \"rating\": 4}", "movie_id must be a positive whole number")]
    [InlineData("{\"chat_id\": \"CHAT\", \"movie_id\": -1, \"rating\": 4}", "movie_id must be a positive whole number")]
    [InlineData("{\"chat_id\": \"CHAT\", \"movie_id\": 1, \"rating\": \"5\"}", "rating must be a number from 0.5 to 5")]
    [InlineData("{\"chat_id\": \"CHAT\", \"movie_id\": 1, \"rating\": 0}", "rating must be a number from 0.5 to 5")]
    [InlineData("{\"chat_id\": \"CHAT\", \"movie_id\": 1, \"rating\": 5.5}", "rating must be a number from 0.5 to 5")]
    [InlineData("{\"chat_id\": \"CHAT\", \"movie_id\": 1, \"rating\": 3.3}", "rating must be a number from 0.5 to 5")]
    [InlineData("{\"chat_id\": \"CHAT\", \"movie_id\": 1, \"rating\": 1e400}", "rating must be a number from 0.5 to 5")]
    [InlineData("{\"chat_id\": \"CHAT\", \"movie_id\": 1, \"rating\": NaN}", "not valid JSON")]
    public async Task Bad_ratings_are_400_and_store_nothing(string template, string reason)
    {
        var chatId = await RegisteredAsync();

        var (status, body) = await _host.PostAsync("/rate_movie", template.Replace("CHAT", chatId, StringComparison.Ordinal));

        Assert.Equal(400, status);
        Assert.Contains(reason, body.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty((await Store().GetRatingsAsync(chatId, CancellationToken.None))!.StarsByMovie);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("101")]
    [InlineData("\"3\"")]
    [InlineData("2.5")]
    public async Task Top_n_outside_1_to_100_is_400(string topN)
    {
        var (status, body) = await _host.PostAsync("/recommend", $"{{\"chat_id\": \"x1\", \"top_n\": {topN}}}");

        Assert.Equal(400, status);
        Assert.Contains("top_n must be a whole number from 1 to 100", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_16_KiB_is_413()
    {
        var chatId = ApiFixture.NewChatId();
        var padded = $"{{\"chat_id\": \"{chatId}\", \"pad\": \"{new string('x', 17 * 1024)}\"}}";

        var (status, body) = await _host.PostAsync("/register", padded);

        Assert.Equal(413, status);
        Assert.Contains("over 16 KiB", body.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Null(await Store().GetRatingsAsync(chatId, CancellationToken.None));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task A_body_that_is_not_declared_json_is_415(string contentType)
    {
        var chatId = ApiFixture.NewChatId();

        var (status, body) = await _host.PostAsync("/register", $"{{\"chat_id\": \"{chatId}\"}}", contentType);

        Assert.Equal(415, status);
        Assert.Contains("Content-Type: application/json", body.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Null(await Store().GetRatingsAsync(chatId, CancellationToken.None));
    }

    [Fact]
    public async Task Json_with_a_charset_is_accepted()
    {
        var (status, _) = await _host.PostAsync("/register", $"{{\"chat_id\": \"{ApiFixture.NewChatId()}\"}}", "application/json; charset=utf-8");

        Assert.Equal(200, status);
    }

    private async Task<string> RegisteredAsync()
    {
        var chatId = ApiFixture.NewChatId();
        var (status, _) = await _host.PostAsync("/register", new { chat_id = chatId });
        Assert.Equal(200, status);
        return chatId;
    }

    private MovieRec.Testing.ObservedRatingStore Store() => _host.Store;
}
