using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MovieRec.Service;
using MovieRec.Storage;
using MovieRec.Testing;

namespace MovieRec.Api.Tests;

/// <summary>The standalone host's daily sweep (docs/privacy.md) is wired to every store it clears, the movie nights among them.</summary>
public sealed class StandaloneHostSweepTests
{
    private readonly ManualClock _clock = new();

    [Fact]
    public async Task The_standalone_hosts_own_sweep_is_given_the_night_store()
    {
        var nights = new InMemoryMovieNightStore(_clock);
        await using var host = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("MOVIELENS_DIR", Repository.MovieLensFolder);
            builder.UseSetting("MODEL_REFRESH_INTERVAL", "00:00:00");
            builder.ConfigureServices(services =>
            {
                services.AddSingleton<TimeProvider>(_clock);
                services.AddSingleton<IRatingStore>(new InMemoryRatingStore(_clock));
                services.AddSingleton<IUpdateLedger>(new InMemoryUpdateLedger(_clock));
                services.AddSingleton<IModelSnapshots>(new InMemoryModelSnapshots(_clock));
                services.AddSingleton<IMovieNightStore>(nights);
            });
        });
        await nights.TryStartAsync(Night(1), CancellationToken.None);
        _clock.Advance(TimeSpan.FromDays(3));

        await host.Services.GetRequiredService<RetentionSweep>().RunAsync(CancellationToken.None);

        Assert.Null(await nights.GetAsync(-100, 1, CancellationToken.None));
    }

    private static MovieNight Night(int messageId) => new(-100, messageId, new NightMember(101, "Ada"), "", [], NightStage.Open);
}
