using Microsoft.Extensions.Logging.Abstractions;
using MovieRec.Service;
using MovieRec.Storage;
using MovieRec.Testing;

namespace MovieRec.Service.Tests;

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

    private static MovieNight Night(int messageId) => new(-100, messageId, new NightMember(101, "Ada"), "", [], NightStage.Open);
}
