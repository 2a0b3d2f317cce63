using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using MovieRec.Testing;

namespace MovieRec.Api.Tests;

/// <summary>The contract's "Who may call what" on the standalone host: keys, loopback without keys, and a key's budget of new chats.</summary>
public sealed class AccessTests
{
    private const string Key = "test-key-0123456789abcdef";
    private const string OtherKey = "other-key-0123456789abcdef";
    private static readonly IPAddress Remote = IPAddress.Parse("203.0.113.7");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wrong-key-0123456789abcdef")]
    [InlineData("test-key-0123456789abcde")]
    public async Task A_json_route_without_a_right_key_is_401_with_a_json_error_and_stores_nothing(string? key)
    {
        await using var api = InProcessApi.With(new Dictionary<string, string> { ["API_KEYS"] = $"{OtherKey},{Key}" }, Remote);

        var (status, body) = await api.Client.PostTextAsync("/register", "{\"chat_id\": \"intruder\"}", headers: KeyHeader(key));

        Assert.Equal(401, status);
        Assert.Equal("A valid API key is required in the x-functions-key header.", body.GetProperty("error").GetString());
        Assert.Equal(0, api.Store.Calls);
    }

    [Theory]
    [InlineData(Key)]
    [InlineData(OtherKey)]
    public async Task Any_of_the_keys_opens_every_json_route(string key)
    {
        await using var api = InProcessApi.With(new Dictionary<string, string> { ["API_KEYS"] = $" {OtherKey} , {Key} " }, Remote);

        var registered = await api.Client.PostTextAsync("/register", "{\"chat_id\": \"client\"}", headers: KeyHeader(key));
        var rated = await api.Client.PostTextAsync("/rate_movie", "{\"chat_id\": \"client\", \"movie_id\": 1, \"rating\": 4}", headers: KeyHeader(key));

        Assert.Equal((200, 0), (registered.Status, registered.Body.GetProperty("exists").GetInt32()));
        Assert.Equal(200, rated.Status);
    }

    [Fact]
    public async Task Without_api_keys_the_json_routes_answer_loopback_callers_only()
    {
        await using var local = InProcessApi.With(new Dictionary<string, string>(), IPAddress.IPv6Loopback);
        await using var remote = InProcessApi.With(new Dictionary<string, string>(), Remote);

        var fromHere = await local.PostAsync("/register", new { chat_id = "local" });
        var fromElsewhere = await remote.PostAsync("/register", new { chat_id = "remote" });

        Assert.Equal(200, fromHere.Status);
        Assert.Equal(401, fromElsewhere.Status);
        Assert.Null(await remote.Store.GetRatingsAsync("remote", CancellationToken.None));
    }

    [Fact]
    public async Task Health_and_the_webhook_need_no_key()
    {
        await using var api = InProcessApi.With(new Dictionary<string, string> { ["API_KEYS"] = Key }, Remote);

        using var health = await api.Client.GetAsync("/health");
        var webhook = await api.Client.PostTextAsync("/telegram/webhook", "{\"update_id\": 1}");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        // No bot token in these tests: the webhook's own answer, not the key check's 401.
        Assert.Equal(503, webhook.Status);
    }

    [Fact]
    public async Task A_key_past_its_budget_of_new_chats_gets_429_with_retry_after_and_known_chats_still_register()
    {
        var clock = new ManualClock();
        await using var api = InProcessApi.With(new Dictionary<string, string> { ["API_KEYS"] = $"{Key},{OtherKey}", ["RATE_LIMIT_KEY_NEW_CHATS_PER_MINUTE"] = "3" }, Remote, clock);
        foreach (var chat in new[] { "one", "two", "three" })
        {
            Assert.Equal(0, (await api.Client.PostTextAsync("/register", $"{{\"chat_id\": \"{chat}\"}}", headers: KeyHeader(Key))).Body.GetProperty("exists").GetInt32());
        }

        // The budget is per minute of the clock: 15 s into it, the next comes in 45 s.
        clock.Advance(TimeSpan.FromSeconds(15));

        using var request = new HttpRequestMessage(HttpMethod.Post, "/register") { Content = new StringContent("{\"chat_id\": \"four\"}", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("x-functions-key", Key);
        using var refused = await api.Client.SendAsync(request);
        var known = await api.Client.PostTextAsync("/register", "{\"chat_id\": \"two\"}", headers: KeyHeader(Key));
        var otherKey = await api.Client.PostTextAsync("/register", "{\"chat_id\": \"four\"}", headers: KeyHeader(OtherKey));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(45), refused.Headers.RetryAfter?.Delta);
        Assert.Contains("new chats", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((200, 1), (known.Status, known.Body.GetProperty("exists").GetInt32()));
        Assert.Equal((200, 0), (otherKey.Status, otherKey.Body.GetProperty("exists").GetInt32()));
    }

    [Fact]
    public async Task Two_hundred_parallel_registrations_of_new_chats_create_no_more_than_the_keys_budget()
    {
        await using var api = InProcessApi.With(
            new Dictionary<string, string> { ["API_KEYS"] = Key, ["RATE_LIMIT_KEY_NEW_CHATS_PER_MINUTE"] = "60" }, Remote, new ManualClock());
        // Every registration is held at the store, as a real store's round trip holds it, until each of
        // the 200 requests is either there or answered without it: the budget is checked by all of
        // them before any chat is created.
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var allThereOrAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var settled = 0;
        void Settle()
        {
            if (Interlocked.Increment(ref settled) == 200)
            {
                allThereOrAnswered.SetResult();
            }
        }

        api.Store.BeforeRegistering = () =>
        {
            Settle();
            return held.Task;
        };

        var calls = Enumerable.Range(0, 200).Select(async i =>
        {
            var answer = await api.Client.PostTextAsync("/register", $"{{\"chat_id\": \"parallel-{i}\"}}", headers: KeyHeader(Key));
            // Only a chat that was created answers 200, and only once the store lets it through.
            if (answer.Status != 200)
            {
                Settle();
            }

            return answer;
        }).ToList();
        await allThereOrAnswered.Task.WaitAsync(TimeSpan.FromMinutes(2));
        held.SetResult();
        var answers = await Task.WhenAll(calls);

        var created = answers.Count(a => a.Status == 200 && a.Body.GetProperty("exists").GetInt32() == 0);
        Assert.Equal(60, created);
        Assert.Equal(140, answers.Count(a => a.Status == 429));
        Assert.Equal(60, (await api.Store.ReadAllAsync(CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Registering_an_existing_chat_never_spends_the_keys_budget()
    {
        await using var api = InProcessApi.With(
            new Dictionary<string, string> { ["API_KEYS"] = Key, ["RATE_LIMIT_KEY_NEW_CHATS_PER_MINUTE"] = "2" }, Remote, new ManualClock());
        Assert.Equal(0, (await api.Client.PostTextAsync("/register", "{\"chat_id\": \"known\"}", headers: KeyHeader(Key))).Body.GetProperty("exists").GetInt32());

        var again = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            api.Client.PostTextAsync("/register", "{\"chat_id\": \"known\"}", headers: KeyHeader(Key))));
        var second = await api.Client.PostTextAsync("/register", "{\"chat_id\": \"second\"}", headers: KeyHeader(Key));
        var third = await api.Client.PostTextAsync("/register", "{\"chat_id\": \"third\"}", headers: KeyHeader(Key));

        Assert.All(again, a => Assert.Equal((200, 1), (a.Status, a.Body.GetProperty("exists").GetInt32())));
        Assert.Equal((200, 0), (second.Status, second.Body.GetProperty("exists").GetInt32()));
        Assert.Equal(429, third.Status);
    }

    [Theory]
    [InlineData("two headers")]
    [InlineData("one header, two keys")]
    [InlineData("header and code")]
    [InlineData("code")]
    [InlineData("two codes")]
    public async Task The_standalone_host_takes_exactly_one_key_in_the_header_and_nothing_else(string sent)
    {
        await using var api = InProcessApi.With(new Dictionary<string, string> { ["API_KEYS"] = Key }, Remote);
        using var request = new HttpRequestMessage(HttpMethod.Post, sent switch
        {
            "header and code" => "/register?code=random-0123456789abcdef",
            "code" => $"/register?code={Key}",
            "two codes" => $"/register?code={Key}&code=random-0123456789abcdef",
            _ => "/register",
        })
        {
            Content = new StringContent("{\"chat_id\": \"many-keys\"}", System.Text.Encoding.UTF8, "application/json"),
        };
        switch (sent)
        {
            case "two headers":
                request.Headers.Add(ApiKeyCheck.Header, [Key, "random-0123456789abcdef"]);
                break;
            case "one header, two keys":
                request.Headers.TryAddWithoutValidation(ApiKeyCheck.Header, $"{Key},{Key}");
                break;
            case "header and code":
                request.Headers.Add(ApiKeyCheck.Header, Key);
                break;
        }

        using var response = await api.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, api.Store.Calls);
    }

    [Fact]
    public async Task In_azure_the_route_itself_refuses_several_key_values_so_no_request_names_a_fresh_budget()
    {
        // The Functions host authenticates one of ?code=<valid>&code=<anything> and hands the request
        // to the route, as ApiFunctions does here: the route must not take the pair as an identity.
        await using var api = InProcessApi.With(new Dictionary<string, string> { ["RATE_LIMIT_KEY_NEW_CHATS_PER_MINUTE"] = "1" }, clock: new ManualClock());
        _ = api.Client;

        var single = await RegisterAsFunctionsAsync(api, $"?code={Key}", "first");
        var pair = await RegisterAsFunctionsAsync(api, $"?code={Key}&code=fresh-budget-1", "second");
        var otherPair = await RegisterAsFunctionsAsync(api, $"?code={Key}&code=fresh-budget-2", "third");
        var sameKeyAgain = await RegisterAsFunctionsAsync(api, $"?code={Key}", "fourth");

        Assert.Equal((200, 401, 401, 429), (single, pair, otherPair, sameKeyAgain));
        Assert.Null(await api.Store.GetRatingsAsync("second", CancellationToken.None));
        Assert.Null(await api.Store.GetRatingsAsync("third", CancellationToken.None));
    }

    [Fact]
    public async Task A_key_holder_may_import_a_persons_whole_history_at_once()
    {
        await using var api = InProcessApi.With(new Dictionary<string, string> { ["API_KEYS"] = Key, ["RATE_LIMIT_PERSON_WRITES_PER_MINUTE"] = "3" }, Remote);
        await api.Client.PostTextAsync("/register", "{\"chat_id\": \"imported\"}", headers: KeyHeader(Key));
        var films = Repository.MovieLens.Catalog.Movies.Take(50).Select(m => m.Id).ToList();

        var statuses = new List<int>();
        foreach (var film in films)
        {
            statuses.Add((await api.Client.PostTextAsync("/rate_movie", $"{{\"chat_id\": \"imported\", \"movie_id\": {film}, \"rating\": 4}}", headers: KeyHeader(Key))).Status);
        }

        Assert.All(statuses, s => Assert.Equal(200, s));
        Assert.Equal(50, (await api.Store.GetRatingsAsync("imported", CancellationToken.None))!.StarsByMovie.Count);
    }

    [Fact]
    public async Task Forget_deletes_the_chat_so_register_creates_it_anew_and_an_unknown_chat_is_404()
    {
        await using var api = new InProcessApi();
        await api.PostAsync("/register", new { chat_id = "leaving" });
        await api.PostAsync("/rate_movie", new { chat_id = "leaving", movie_id = 1, rating = 4 });
        await api.PostAsync("/skip_movie", new { chat_id = "leaving", movie_id = 2 });

        var forgotten = await api.PostAsync("/forget", new { chat_id = "leaving" });
        var again = await api.PostAsync("/forget", new { chat_id = "leaving" });
        var gone = await api.Store.GetRatingsAsync("leaving", CancellationToken.None);
        var registered = await api.PostAsync("/register", new { chat_id = "leaving" });

        Assert.Equal((200, "success"), (forgotten.Status, forgotten.Body.GetProperty("status").GetString()));
        Assert.Equal(404, again.Status);
        Assert.Contains("not registered", again.Body.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Null(gone);
        Assert.Equal(0, registered.Body.GetProperty("exists").GetInt32());
        Assert.Empty((await api.Store.GetRatingsAsync("leaving", CancellationToken.None))!.StarsByMovie);
    }

    /// <summary>POST /register answered by its route directly, as the Functions worker calls it (no key check of ours before it).</summary>
    private static async Task<int> RegisterAsFunctionsAsync(InProcessApi api, string query, string chatId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = "POST";
        context.Request.Path = "/register";
        context.Request.QueryString = new QueryString(query);
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes($"{{\"chat_id\": \"{chatId}\"}}"));
        context.Response.Body = new MemoryStream();

        await (await ApiRoutes.RegisterRoute.AnswerAsync(scope.ServiceProvider.GetRequiredService<HttpEndpoint>(), context)).ExecuteAsync(context);
        return context.Response.StatusCode;
    }

    private static Dictionary<string, string>? KeyHeader(string? key) =>
        key is null ? null : new Dictionary<string, string> { ["x-functions-key"] = key };
}
