using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MovieRec.Storage;
using MovieRec.Testing;

namespace MovieRec.Api.Tests;

/// <summary>
/// A store that answers and refuses a call is a fault to fix (500 with a request id, an error in
/// the log); a store that does not answer is an outage to wait out (503 with Retry-After, a warning).
/// </summary>
public sealed class StoreRefusalTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    [Fact]
    public async Task A_call_the_store_refuses_is_answered_500_with_the_request_id_and_logged_as_an_error()
    {
        var logs = new LogLines();
        await using var api = new InProcessApi();
        api.Store.Rejects = true;
        using var client = api.WithWebHostBuilder(builder => builder.ConfigureLogging(logging => logging.AddProvider(logs))).CreateClient();

        using var response = await client.PostAsync("/register", Json("{\"chat_id\": \"refused\"}"));

        Assert.Equal(500, (int)response.StatusCode);
        Assert.Null(response.Headers.RetryAfter);
        Assert.Contains("request id", (await ApiCalls.ReadJsonAsync(response)).GetProperty("error").GetString(), StringComparison.Ordinal);
        var logged = Assert.Single(logs.Lines, line => line.Category == "MovieRec.Api.FailureLog");
        Assert.Equal(LogLevel.Error, logged.Level);
        Assert.IsType<StoreRejectedException>(logged.Exception);
    }

    [Fact]
    public async Task A_store_that_does_not_answer_is_answered_503_with_retry_after_and_logged_as_a_warning()
    {
        var logs = new LogLines();
        await using var api = new InProcessApi();
        api.Store.Broken = true;
        using var client = api.WithWebHostBuilder(builder => builder.ConfigureLogging(logging => logging.AddProvider(logs))).CreateClient();

        using var response = await client.PostAsync("/register", Json("{\"chat_id\": \"outage\"}"));

        Assert.Equal(503, (int)response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        Assert.Contains("unreachable", (await ApiCalls.ReadJsonAsync(response)).GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(LogLevel.Warning, Assert.Single(logs.Lines, line => line.Category == "MovieRec.Api.FailureLog").Level);
        Assert.DoesNotContain(logs.Lines, line => line.Level >= LogLevel.Error);
    }

    /// <summary>Azurite checks the account key as Azure does: a wrong one is refused with 403, as a missing role would be.</summary>
    [Fact]
    public async Task A_store_that_refuses_the_apps_key_is_a_rejection_and_never_taken_for_an_outage()
    {
        var wrongKey = azurite.Azurite.ConnectionString.Replace("AccountKey=Eby8", "AccountKey=AAAA", StringComparison.Ordinal);
        var outage = new StoreOutage(TimeProvider.System);
        var store = new TableRatingStore(
            new TableStorage(Options.Create(new StorageOptions { RatingsStorage = wrongKey }), outage, new StoreBulkhead()), TimeProvider.System);

        var refusals = new List<StoreRejectedException>();
        for (var call = 0; call < 2 * StoreOutage.FailuresToRefuse; call++)
        {
            refusals.Add(await Assert.ThrowsAsync<StoreRejectedException>(() => store.GetRatingsAsync("anyone", CancellationToken.None)));
        }

        Assert.All(refusals, refused => Assert.Equal(403, refused.Status));
        // Ten refusals in a row and the store is still asked: the eleventh call is another refusal, not a 503 given without asking.
        Assert.False(outage.Admit());
    }

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
