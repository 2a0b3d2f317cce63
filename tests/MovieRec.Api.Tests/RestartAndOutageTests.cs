using System.Net;
using System.Net.Http.Json;
using MovieRec.Testing;

namespace MovieRec.Api.Tests;

/// <summary>
/// Restarts, outages and a wiped store, over real HTTP: a fresh Azurite and host per test, since each
/// stops or empties them. One class per test, each started first (<see cref="StartFirstAttribute"/>):
/// they mostly wait (for a restart, for the store's time budget), and so wait beside the other tests.
/// </summary>
public abstract class RestartAndOutageTests : IAsyncLifetime
{
    private protected ApiFixture App { get; } = new();

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => App.DisposeAsync();
}

[StartFirst]
public sealed class WipedStoreTests : RestartAndOutageTests
{
    [Fact]
    public async Task A_store_wiped_under_the_running_host_is_healed_on_the_next_request_without_a_restart()
    {
        Assert.Equal(200, (await App.Host.PostAsync("/register", new { chat_id = "before-wipe" })).Status);
        var service = new Azure.Data.Tables.TableServiceClient(App.Azurite.ConnectionString);
        await foreach (var table in service.QueryAsync())
        {
            await service.DeleteTableAsync(table.Name);
        }

        var (status, body) = await App.Host.PostAsync("/register", new { chat_id = "after-wipe" });
        Assert.Equal(200, status);
        Assert.Equal(0, body.GetProperty("exists").GetInt32());
        var rated = await App.Host.PostAsync("/rate_movie", new { chat_id = "after-wipe", movie_id = 318, rating = 5 });
        Assert.Equal((200, 1), (rated.Status, rated.Body.GetProperty("rated_movies").GetInt32()));
    }
}

[StartFirst]
public sealed class RestartTests : RestartAndOutageTests
{
    [Fact]
    public async Task Ratings_survive_a_restart_of_the_host_and_of_azurite()
    {
        await App.Host.PostAsync("/register", new { chat_id = "durable" });
        await App.Host.PostAsync("/rate_movie", new { chat_id = "durable", movie_id = 318, rating = 4.5 });

        await App.Host.StopAsync();
        await App.Azurite.StopAsync();
        await App.Azurite.StartAgainAsync();
        await App.Host.StartAgainAsync();

        Assert.Equal(1, (await App.Host.PostAsync("/register", new { chat_id = "durable" })).Body.GetProperty("exists").GetInt32());
        var ratings = await StoreFor.Azurite(App.Azurite).GetRatingsAsync("durable", CancellationToken.None);
        Assert.Equal(new Dictionary<int, double> { [318] = 4.5 }, ratings!.StarsByMovie);
    }
}

[StartFirst]
public sealed class AzuriteDownTests : RestartAndOutageTests
{
    [Fact]
    public async Task With_azurite_down_requests_get_503_and_every_acknowledged_rating_survives()
    {
        await App.Host.PostAsync("/register", new { chat_id = "outage" });
        var acknowledged = new List<int>();
        foreach (var movieId in new[] { 1, 2, 3 })
        {
            if ((await App.Host.PostAsync("/rate_movie", new { chat_id = "outage", movie_id = movieId, rating = 4 })).Status == 200)
            {
                acknowledged.Add(movieId);
            }
        }

        await App.Azurite.StopAsync();
        var content = new StringContent("{\"chat_id\": \"outage\", \"movie_id\": 4, \"rating\": 4}", System.Text.Encoding.UTF8, "application/json");
        using var down = await App.Host.Client.PostAsync("/rate_movie", content);
        var registerDown = await App.Host.PostAsync("/register", new { chat_id = "outage-2" });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.NotNull(down.Headers.RetryAfter);
        Assert.Equal(503, registerDown.Status);
        Assert.Contains("unreachable", registerDown.Body.GetProperty("error").GetString(), StringComparison.Ordinal);

        await App.Azurite.StartAgainAsync();
        var after = await App.Host.PostAsync("/rate_movie", new { chat_id = "outage", movie_id = 5, rating = 4 });

        Assert.Equal(200, after.Status);
        acknowledged.Add(5);
        var ratings = await StoreFor.Azurite(App.Azurite).GetRatingsAsync("outage", CancellationToken.None);
        Assert.Superset(acknowledged.ToHashSet(), ratings!.StarsByMovie.Keys.ToHashSet());
        Assert.DoesNotContain(4, ratings.StarsByMovie.Keys);
    }
}

[StartFirst]
public sealed class FrozenStoreTests : RestartAndOutageTests
{
    [Fact]
    public async Task A_frozen_store_gets_503_with_retry_after_instead_of_a_hang_and_the_host_recovers_once_it_answers()
    {
        await App.Host.PostAsync("/register", new { chat_id = "frozen" });
        await App.Host.PostAsync("/rate_movie", new { chat_id = "frozen", movie_id = 1, rating = 4 });

        await App.Azurite.FreezeAsync();
        var whileFrozen = await Task.WhenAll(Enumerable.Range(2, 8).Select(async movieId =>
        {
            using var answer = await App.Host.Client.PostAsJsonAsync("/rate_movie", new { chat_id = "frozen", movie_id = movieId, rating = 4 });
            return (answer.StatusCode, answer.Headers.RetryAfter?.Delta);
        }));
        await App.Azurite.ThawAsync();

        Assert.All(whileFrozen, a => Assert.Equal((HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(5)), a));
        var after = await RateUntilAnsweredAsync("frozen", 20);
        Assert.Equal(200, after.Status);
        var ratings = await StoreFor.Azurite(App.Azurite).GetRatingsAsync("frozen", CancellationToken.None);
        Assert.Contains(20, ratings!.StarsByMovie.Keys);
        Assert.Contains(1, ratings.StarsByMovie.Keys);
    }

    /// <summary>As a client does after an outage: a 503 says "try again after Retry-After".</summary>
    private async Task<(int Status, System.Text.Json.JsonElement Body)> RateUntilAnsweredAsync(string chatId, int movieId)
    {
        for (var tries = 1; ; tries++)
        {
            var answer = await App.Host.PostAsync("/rate_movie", new { chat_id = chatId, movie_id = movieId, rating = 4 });
            if (answer.Status != 503 || tries == 10)
            {
                return answer;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }
}
