using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
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
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly IPAddress _caller;
    private readonly TimeProvider? _clock;
    private HttpClient? _client;

    public InProcessApi()
        : this(new Dictionary<string, string>(), null, null)
    {
    }

    private InProcessApi(IReadOnlyDictionary<string, string> settings, IPAddress? caller, TimeProvider? clock)
    {
        _settings = settings;
        _caller = caller ?? IPAddress.Loopback;
        _clock = clock;
    }

    /// <param name="settings">Settings on top of the test defaults (API_KEYS, rate limits).</param>
    /// <param name="caller">The address requests come from; loopback by default, as a local client's.</param>
    /// <param name="clock">The app's clock (rate limits' minutes, sign-in ages); the system's by default.</param>
    public static InProcessApi With(IReadOnlyDictionary<string, string> settings, IPAddress? caller = null, TimeProvider? clock = null) => new(settings, caller, clock);

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
        // No Azure store at all, so no warm-up reaches for an emulator on the default port.
        builder.UseSetting("RATINGS_STORAGE", "memory");
        foreach (var (name, value) in _settings)
        {
            builder.UseSetting(name, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IRatingStore>(Store);
            services.AddSingleton<IStartupFilter>(new CallerAddress(_caller));
            if (_clock is not null)
            {
                services.AddSingleton(_clock);
            }
        });
    }

    /// <summary>
    /// The test server's requests come from no network address at all: this gives them one, loopback
    /// as a local client's unless a test says otherwise.
    /// </summary>
    private sealed class CallerAddress(IPAddress caller) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, call) =>
            {
                context.Connection.RemoteIpAddress = caller;
                return call(context);
            });
            next(app);
        };
    }
}
