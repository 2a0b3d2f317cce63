using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using MovieRec.Storage;
using MovieRec.Testing;

namespace MovieRec.Api.Tests;

/// <summary>
/// A store that answers and refuses a call is a fault to fix (500 with a request id, an error in
/// the log); a store that does not answer is an outage to wait out (503 with Retry-After, a warning).
/// </summary>
public sealed class StoreRefusalTests
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

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
