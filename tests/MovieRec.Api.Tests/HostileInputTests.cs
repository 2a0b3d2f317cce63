using System.Text.Json;
using CsCheck;
using MovieRec.Storage;
using MovieRec.Testing;
using Xunit.Abstractions;

namespace MovieRec.Api.Tests;

/// <summary>
/// Generated requests (<see cref="HostileRequests"/>, a fixed seed: the same requests every run)
/// against every route: no 5xx but 503 with Retry-After, a JSON error on every refusal, nothing
/// written by a refused request, and nosniff on every answer. In process on the in-memory store (10,000 requests), and a smaller
/// run through the real host and Azurite.
/// </summary>
public sealed class HostileInputTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Ten_thousand_generated_requests_get_no_5xx_a_json_error_on_every_refusal_and_refusals_change_nothing()
    {
        await using var api = new InProcessApi();
        var canaries = await SeedCanariesAsync(api.Client, api.Store);

        var statuses = await SendAllAsync(api.Client, Generate(10_000, seed: 20261125), () => api.Store.Changes);

        Assert.Equal(canaries, await RatingsOfAsync(api.Store));
        Report(statuses);
    }

    [Fact]
    public async Task A_thousand_generated_requests_through_the_real_host_and_azurite_hold_the_same()
    {
        await using var app = new ApiFixture();
        await app.InitializeAsync();
        var store = StoreFor.Azurite(app.Azurite);
        var canaries = await SeedCanariesAsync(app.Host.Client, store);

        var statuses = await SendAllAsync(app.Host.Client, Generate(1_000, seed: 7), changes: null);

        Assert.Equal(canaries, await RatingsOfAsync(store));
        Assert.DoesNotContain("An unhandled exception", app.Host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("fail:", app.Host.Output, StringComparison.Ordinal);
        Report(statuses);
        var lines = app.Host.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        output.WriteLine($"host log: {lines.Length} lines, {lines.Count(l => l.StartsWith("warn:", StringComparison.Ordinal))} warnings, {lines.Count(l => l.StartsWith("fail:", StringComparison.Ordinal))} failures");
    }

    private static HostileRequest[] Generate(int count, ulong seed) =>
        HostileRequests.Any.Array[count].Generate(new PCG(1, seed), null, out _);

    /// <summary>Sends every request in order; fails on the first that breaks a rule, naming it.</summary>
    private static async Task<SortedDictionary<int, int>> SendAllAsync(HttpClient client, HostileRequest[] requests, Func<int>? changes)
    {
        var statuses = new SortedDictionary<int, int>();
        for (var i = 0; i < requests.Length; i++)
        {
            var request = requests[i];
            var changesBefore = changes?.Invoke() ?? 0;
            // Absolute, so that "//register" is a path and not a host.
            using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(client.BaseAddress!.GetLeftPart(UriPartial.Authority) + request.Path));
            foreach (var (name, value) in request.Headers)
            {
                if (!message.Headers.TryAddWithoutValidation(name, value))
                {
                    message.Content ??= new ByteArrayContent(request.Body);
                    message.Content.Headers.TryAddWithoutValidation(name, value);
                }
            }

            if (request.Body.Length > 0 || request.ContentType is not null)
            {
                message.Content ??= new ByteArrayContent(request.Body);
                if (request.ContentType is not null)
                {
                    message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
                }
            }

            using var response = await client.SendAsync(message);
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var where = $"request {i}: {request} → {status} {text[..Math.Min(text.Length, 200)]}";

            Assert.True(status < 500 || (status == 503 && response.Headers.RetryAfter is not null), where);
            // Kestrel's own protocol-level refusals (a request target it cannot accept) have no body and close the connection.
            var kestrelRefusal = status == 400 && text.Length == 0 && response.Headers.ConnectionClose == true;
            if (status >= 300 && request.Method != "HEAD" && !kestrelRefusal)
            {
                Assert.True(IsJsonError(text), where);
            }

            // Every answer the app makes (Kestrel's own refusals never reach it) tells the browser not to sniff.
            Assert.True(kestrelRefusal || (response.Headers.TryGetValues("X-Content-Type-Options", out var sniff) && sniff.Single() == "nosniff"), where);

            if (status >= 300)
            {
                Assert.True(changes is null || changes() == changesBefore, $"a refused request changed the store: {where}");
            }
        }

        return statuses;
    }

    private static bool IsJsonError(string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.String
                && error.GetString()!.Length > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static async Task<Dictionary<string, string>> SeedCanariesAsync(HttpClient client, IRatingStore store)
    {
        foreach (var canary in HostileRequests.Canaries)
        {
            await client.PostObjectAsync("/register", new { chat_id = canary });
            await client.PostObjectAsync("/rate_movie", new { chat_id = canary, movie_id = 1, rating = 3.5 });
            await client.PostObjectAsync("/rate_movie", new { chat_id = canary, movie_id = 296, rating = 5 });
            await client.PostObjectAsync("/skip_movie", new { chat_id = canary, movie_id = 593 });
        }

        return await RatingsOfAsync(store);
    }

    private static async Task<Dictionary<string, string>> RatingsOfAsync(IRatingStore store)
    {
        var state = new Dictionary<string, string>();
        foreach (var canary in HostileRequests.Canaries)
        {
            var ratings = (await store.GetRatingsAsync(canary, CancellationToken.None))!;
            state[canary] = string.Join(",", ratings.StarsByMovie.OrderBy(r => r.Key).Select(r => $"{r.Key}:{r.Value}"))
                + " skipped " + string.Join(",", ratings.Skipped.Order());
        }

        return state;
    }

    private void Report(SortedDictionary<int, int> statuses) =>
        output.WriteLine($"{statuses.Values.Sum()} requests; statuses: {string.Join(", ", statuses.Select(s => $"{s.Key} × {s.Value}"))}");
}
