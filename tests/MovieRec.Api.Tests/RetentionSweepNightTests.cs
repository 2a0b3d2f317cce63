using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MovieRec.Service;
using MovieRec.Storage;
using MovieRec.Testing;

namespace MovieRec.Api.Tests;

/// <summary>The daily sweep (docs/privacy.md) takes the movie nights started more than two days ago, on a <see cref="ManualClock"/>.</summary>
public sealed class RetentionSweepNightTests
{
    private readonly ManualClock _clock = new();

    [Fact]
    public async Task The_sweep_deletes_movie_nights_started_more_than_two_days_ago_and_keeps_newer_ones()
    {
        var nights = new InMemoryMovieNightStore(_clock);
        await nights.TryStartAsync(Night(1), CancellationToken.None);
        _clock.Advance(TimeSpan.FromDays(1));
        await nights.TryStartAsync(Night(2), CancellationToken.None);
        _clock.Advance(TimeSpan.FromDays(1.5));

        await new RetentionSweep(new InMemoryRatingStore(_clock), new InMemoryUpdateLedger(_clock), _clock, NullLogger<RetentionSweep>.Instance, nights)
            .RunAsync(CancellationToken.None);

        Assert.Null(await nights.GetAsync(-100, 1, CancellationToken.None));
        Assert.NotNull(await nights.GetAsync(-100, 2, CancellationToken.None));
    }

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
