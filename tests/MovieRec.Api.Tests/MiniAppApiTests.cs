using System.Net;
using MovieRec.Bot;
using MovieRec.Testing;

namespace MovieRec.Api.Tests;

/// <summary>/app/api/…: the Mini App's calls, signed in with Telegram's initData, for the signed person only.</summary>
public sealed class MiniAppApiTests
{
    private const string Token = "123456789:AAbbccddeeffgghhiijjkkllmmnnooppqq";

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["TELEGRAM_BOT_TOKEN"] = Token,
        ["TELEGRAM_WEBHOOK_SECRET"] = "mini-app-tests-secret",
        ["API_KEYS"] = "a-key-the-page-never-has-0123",
    };

    [Fact]
    public async Task A_signed_person_signs_in_rates_and_reads_only_their_own_ratings_whatever_chat_id_the_body_names()
    {
        await using var api = InProcessApi.With(Settings, IPAddress.Parse("203.0.113.9"));

        var me = await CallAsync(api, "me", 4242, "{}");
        var rated = await CallAsync(api, "rate", 4242, "{\"chat_id\": \"777\", \"movie_id\": 2571, \"rating\": 5}");
        var theirs = await CallAsync(api, "ratings", 4343, "{\"chat_id\": \"4242\"}");
        var mine = await CallAsync(api, "ratings", 4242, "{}");

        Assert.Equal((200, 0), (me.Status, me.Body.GetProperty("rated_movies").GetInt32()));
        Assert.Equal((200, 1), (rated.Status, rated.Body.GetProperty("rated_movies").GetInt32()));
        Assert.Equal(404, theirs.Status);
        Assert.Equal(2571, mine.Body.GetProperty("ratings")[0].GetProperty("id").GetInt32());
        Assert.Null(await api.Store.GetRatingsAsync("777", CancellationToken.None));
        Assert.Equal([2571], (await api.Store.GetRatingsAsync("4242", CancellationToken.None))!.StarsByMovie.Keys);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("tma")]
    [InlineData("tma ")]
    [InlineData("Bearer x")]
    [InlineData("forged")]
    [InlineData("expired")]
    [InlineData("other-bot")]
    public async Task Without_valid_init_data_every_call_is_401_and_touches_nothing(string? kind)
    {
        await using var api = InProcessApi.With(Settings);
        var authorization = kind switch
        {
            "forged" => "tma " + MiniAppInitData.Sign(Token, 4242, DateTimeOffset.UtcNow).Replace("%22id%22%3A4242", "%22id%22%3A4243", StringComparison.Ordinal),
            "expired" => "tma " + MiniAppInitData.Sign(Token, 4242, DateTimeOffset.UtcNow.AddDays(-1).AddMinutes(-1)),
            "other-bot" => "tma " + MiniAppInitData.Sign("987654321:AAbbccddeeffgghhiijjkkllmmnnooppqq", 4242, DateTimeOffset.UtcNow),
            _ => kind,
        };

        var (status, body) = await api.Client.PostTextAsync(
            "/app/api/me", "{}", headers: authorization is null ? null : new Dictionary<string, string> { ["Authorization"] = authorization });

        Assert.Equal(401, status);
        Assert.Equal(MiniAppApi.SignInRequired, body.GetProperty("error").GetString());
        Assert.Equal(0, api.Store.Calls);
    }

    [Fact]
    public async Task Sign_ins_past_the_persons_limit_get_429_with_retry_after()
    {
        await using var api = InProcessApi.With(new Dictionary<string, string>(Settings) { ["RATE_LIMIT_MINIAPP_SIGNINS_PER_MINUTE"] = "3" });
        for (var call = 0; call < 3; call++)
        {
            Assert.Equal(200, (await CallAsync(api, "me", 4242, "{}")).Status);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/app/api/me") { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Authorization", "tma " + MiniAppInitData.Sign(Token, 4242, DateTimeOffset.UtcNow));
        using var refused = await api.Client.SendAsync(request);
        var other = await CallAsync(api, "me", 4343, "{}");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(200, other.Status);
    }

    [Fact]
    public async Task An_unknown_call_is_404_naming_the_calls()
    {
        await using var api = InProcessApi.With(Settings);

        var (status, body) = await CallAsync(api, "delete_everyone", 4242, "{}");

        Assert.Equal(404, status);
        Assert.Contains("me, offer, rate", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forget_in_the_mini_app_deletes_the_signed_person_only()
    {
        await using var api = InProcessApi.With(Settings);
        await CallAsync(api, "me", 4242, "{}");
        await CallAsync(api, "me", 4343, "{}");

        var forgotten = await CallAsync(api, "forget", 4242, "{\"chat_id\": \"4343\"}");

        Assert.Equal(200, forgotten.Status);
        Assert.Null(await api.Store.GetRatingsAsync("4242", CancellationToken.None));
        Assert.NotNull(await api.Store.GetRatingsAsync("4343", CancellationToken.None));
    }

    [Theory]
    [InlineData("ru", "ru", "Оценить", "{0} из 5 звёзд", "Комедия")]
    [InlineData("zh-TW", "zh-TW", "評分", "{0} 顆星（滿分 5 顆）", "喜劇")]
    [InlineData("de", "en", "Rate", "{0} of 5 stars", "Comedy")]
    [InlineData(null, "en", "Rate", "{0} of 5 stars", "Comedy")]
    public async Task The_texts_call_answers_in_the_language_telegram_signed_for_the_person(string? languageCode, string language, string rate, string stars, string comedy)
    {
        await using var api = InProcessApi.With(Settings);

        var (status, body) = await CallAsync(api, "texts", 4242, "{}", languageCode);

        Assert.Equal(200, status);
        Assert.Equal(language, body.GetProperty("language").GetString());
        Assert.Equal(rate, body.GetProperty("texts").GetProperty("NavRate").GetString());
        Assert.Equal(stars, body.GetProperty("texts").GetProperty("Stars").GetString());
        Assert.Equal(comedy, body.GetProperty("genres").GetProperty("Comedy").GetString());
        Assert.Equal(0, api.Store.Calls);
    }

    [Theory]
    [InlineData("rate", "{\"movie_id\": 2571, \"rating\": 4}", true)]
    [InlineData("skip", "{\"movie_id\": 2571}", true)]
    [InlineData("unrate", "{\"movie_id\": 1}", true)]
    [InlineData("forget", "{}", true)]
    [InlineData("me", "{}", false)]
    [InlineData("offer", "{}", false)]
    [InlineData("search", "{\"query\": \"matrix\"}", false)]
    [InlineData("ratings", "{}", false)]
    [InlineData("recommend", "{}", false)]
    [InlineData("texts", "{}", false)]
    public async Task Only_the_calls_that_change_the_persons_data_spend_their_write_limit(string call, string json, bool writes)
    {
        var settings = new Dictionary<string, string>(Settings) { ["RATE_LIMIT_PERSON_WRITES_PER_MINUTE"] = "1" };
        await using var api = InProcessApi.With(settings, IPAddress.Parse("203.0.113.11"));
        Assert.Equal(200, (await CallAsync(api, "me", 4242, "{}")).Status);
        Assert.Equal(200, (await CallAsync(api, "rate", 4242, "{\"movie_id\": 1, \"rating\": 5}")).Status);

        var (status, _) = await CallAsync(api, call, 4242, json);

        Assert.Equal(writes, status == 429);
        Assert.Single((await api.Store.GetRatingsAsync("4242", CancellationToken.None))!.StarsByMovie);
    }

    [Fact]
    public async Task Recommendations_in_the_mini_app_give_their_reasons_in_the_signed_persons_language()
    {
        await using var api = InProcessApi.With(Settings, IPAddress.Parse("203.0.113.10"));
        int[] favourites = [1, 260, 296, 318, 356, 480, 527, 593, 2571, 2959];
        foreach (var (user, language) in new[] { (4242L, "ru"), (4343L, "en") })
        {
            Assert.Equal(200, (await CallAsync(api, "me", user, "{}", language)).Status);
            foreach (var movie in favourites)
            {
                Assert.Equal(200, (await CallAsync(api, "rate", user, $"{{\"movie_id\": {movie}, \"rating\": 5}}", language)).Status);
            }
        }

        var russian = (await CallAsync(api, "recommend", 4242, "{\"top_n\": 3}", "ru")).Body.GetProperty("movies").EnumerateArray().ToList();
        var english = (await CallAsync(api, "recommend", 4343, "{\"top_n\": 3}", "en")).Body.GetProperty("movies").EnumerateArray().ToList();

        Assert.Equal(3, russian.Count);
        Assert.Equal(english.Select(m => m.GetProperty("id").GetInt32()), russian.Select(m => m.GetProperty("id").GetInt32()));
        Assert.All(english, m => Assert.Contains("whose taste is closest to yours", m.GetProperty("reason").GetString(), StringComparison.Ordinal));
        Assert.All(russian, m => Assert.Contains("чей вкус ближе всего к вашему", m.GetProperty("reason").GetString(), StringComparison.Ordinal));
    }

    private static Task<(int Status, System.Text.Json.JsonElement Body)> CallAsync(InProcessApi api, string action, long user, string json, string? languageCode = null) =>
        api.Client.PostTextAsync(
            $"/app/api/{action}",
            json,
            headers: new Dictionary<string, string> { ["Authorization"] = "tma " + MiniAppInitData.Sign(Token, user, DateTimeOffset.UtcNow, languageCode: languageCode) });
}
