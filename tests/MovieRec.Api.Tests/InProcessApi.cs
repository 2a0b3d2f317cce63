using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MovieRec.Storage;
using MovieRec.Testing;

namespace MovieRec.Api.Tests;

/// <summary>
/// The standalone host in process (its own Program, routes and services) on the in-memory store,
/// which the store contract suite holds to the Table store's behaviour. Fast: no Azurite, no process.
/// </summary>
public sealed class InProcessApi : WebApplicationFactory<Program>
{
    private HttpClient? _client;

    /// <summary>The store behind the API, counting its calls.</summary>
    public ObservedRatingStore Store { get; } = new();

    public HttpClient Client => _client ??= CreateClient();

    public Task<(int Status, JsonElement Body)> PostAsync(string path, string json, string contentType = "application/json") =>
        Client.PostTextAsync(path, json, contentType);

    public Task<(int Status, JsonElement Body)> PostAsync(string path, object body) => Client.PostObjectAsync(path, body);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("MOVIELENS_DIR", Repository.MovieLensFolder);
        // No community refresh: it would look for Blob Storage, and these tests are about the routes.
        builder.UseSetting("MODEL_REFRESH_INTERVAL", "00:00:00");
        builder.ConfigureServices(services => services.AddSingleton<IRatingStore>(Store));
    }
}
