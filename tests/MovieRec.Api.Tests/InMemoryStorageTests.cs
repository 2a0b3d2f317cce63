using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MovieRec.Storage;
using MovieRec.Testing;

namespace MovieRec.Api.Tests;

/// <summary>RATINGS_STORAGE=memory: the standalone host on the in-memory stores, with no storage account anywhere.</summary>
public sealed class InMemoryStorageTests
{
    /// <summary>Ten films in the middle of ml-latest-small's popularity.</summary>
    private static readonly int[] TenFilms = [55820, 786, 1090, 2657, 435, 5502, 1127, 3671, 1304, 158];

    private const string Key = "in-memory-test-key-0123456789";

    [Theory]
    [InlineData("memory")]
    [InlineData("Memory")]
    public async Task With_ratings_storage_memory_the_host_registers_rates_ten_films_and_recommends_without_any_azure_store(string setting)
    {
        var logs = new LogLines();
        await using var host = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("MOVIELENS_DIR", Repository.MovieLensFolder);
            builder.UseSetting("RATINGS_STORAGE", setting);
            // The test server's requests come from no address, so they are let in by key.
            builder.UseSetting("API_KEYS", Key);
            builder.ConfigureLogging(logging => logging.AddProvider(logs));
        });
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("x-functions-key", Key);

        var registered = await client.PostObjectAsync("/register", new { chat_id = "in-memory" });
        var rated = new List<int>();
        foreach (var film in TenFilms)
        {
            rated.Add((await client.PostObjectAsync("/rate_movie", new { chat_id = "in-memory", movie_id = film, rating = 4.5 })).Status);
        }

        var (status, body) = await client.PostObjectAsync("/recommend", new { chat_id = "in-memory", top_n = 3 });

        Assert.Equal((200, 0), (registered.Status, registered.Body.GetProperty("exists").GetInt32()));
        Assert.All(rated, s => Assert.Equal(200, s));
        Assert.Equal(200, status);
        Assert.Equal(3, body.GetProperty("movies").GetArrayLength());
        Assert.Null(host.Services.GetService<TableStorage>());
        Assert.DoesNotContain(host.Services.GetServices<IHostedService>(), s => s.GetType().Name == "TableWarmup");
        Assert.Single(logs.Lines, line => line.Level == LogLevel.Information && line.Message.Contains("lost when it stops", StringComparison.Ordinal));
    }
}
