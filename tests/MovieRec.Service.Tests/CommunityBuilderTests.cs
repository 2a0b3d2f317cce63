using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MovieRec.DataFiles;
using MovieRec.Domain;
using MovieRec.Service;
using MovieRec.Storage;
using MovieRec.Testing;

namespace MovieRec.Service.Tests;

/// <summary>
/// The community builder in process, on the in-memory ratings store and snapshots, which their
/// contract suites hold to the Table and Blob stores' behaviour (CommunityEndToEndTests runs it
/// on Azurite).
/// </summary>
public sealed class CommunityBuilderTests
{
    /// <summary>Ten films in the middle of ml-latest-small's popularity (about 62–64 ratings each).</summary>
    private static readonly int[] TenFilms = [55820, 786, 1090, 2657, 435, 5502, 1127, 3671, 1304, 158];

    /// <summary>
    /// "Ghostbusters (1984)": 63rd for someone who rated TenFilms 4.5, from MovieLens alone, until
    /// someone like them loves it. (A film no MovieLens neighbour supports stays out, whoever loves it:
    /// CommunityTests.)
    /// </summary>
    private const int HiddenFilm = 2716;

    private static readonly RecommendationModel MovieLensOnly = RecommendationModel.From(Repository.MovieLens, new RecommenderOptions());

    // One clock for the store, the snapshots' lease and the builder, moved by the tests: no waiting on the system clock.
    private readonly ManualClock _clock = new();
    private readonly ObservedRatingStore _store;
    private readonly InMemoryModelSnapshots _snapshots;

    public CommunityBuilderTests()
    {
        _store = new ObservedRatingStore(_clock);
        _snapshots = new InMemoryModelSnapshots(_clock);
    }

    [Fact]
    public async Task The_first_build_puts_each_user_with_ten_ratings_in_the_pool_and_its_instance_uses_it_at_once()
    {
        await RateAsync("ten", TenFilms, 4);
        await RateAsync("nine", TenFilms[..9], 4);
        var (builder, live) = Builder();

        Assert.Equal(CommunityBuild.Published, await builder.BuildIfDueAsync(CancellationToken.None));

        Assert.Equal(1, live.Current.AppUsers);
        Assert.True(live.Current.SelfIndexOf("ten") >= MovieLensOnly.Ratings.UserCount);
        Assert.Equal(-1, live.Current.SelfIndexOf("nine"));
        Assert.Equal(1, (await Snapshots().LatestAsync(CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task A_later_build_reads_only_the_users_who_rated_since_the_previous_one()
    {
        for (var u = 0; u < 40; u++)
        {
            await RateAsync($"settled-{u}", TenFilms, 0.5 + (u % 10 * 0.5));
        }

        var (builder, live) = Builder(TimeSpan.FromSeconds(1));
        Assert.Equal(CommunityBuild.Published, await builder.BuildIfDueAsync(CancellationToken.None));
        _clock.Advance(TimeSpan.FromSeconds(1.1));
        await _store.SaveRatingAsync("settled-3", HiddenFilm, 5, CancellationToken.None);
        await RateAsync("newcomer", TenFilms, 3);
        var (callsBefore, usersReadBefore) = (_store.Calls, _store.UsersRead);

        Assert.Equal(CommunityBuild.Published, await builder.BuildIfDueAsync(CancellationToken.None));

        // One read of who changed, then one read of those users: 2 users, not 41.
        Assert.Equal(2, _store.Calls - callsBefore);
        Assert.Equal(2, _store.UsersRead - usersReadBefore);
        Assert.Equal(41, live.Current.AppUsers);
        Assert.Equal(2, live.Current.Version);
        Assert.Contains(HiddenFilm, live.Current.Community!.Ratings.Members.Single(m => m.ChatId == "settled-3").MovieIds);
    }

    [Fact]
    public async Task A_forgotten_person_has_no_row_in_the_snapshot_of_the_next_build()
    {
        await RateAsync("leaves", TenFilms, 4);
        await RateAsync("stays", TenFilms, 3);
        var (builder, live) = Builder(TimeSpan.FromSeconds(1));
        await builder.BuildIfDueAsync(CancellationToken.None);
        Assert.True(live.Current.Community!.Ratings.Contains("leaves"));

        _clock.Advance(TimeSpan.FromSeconds(1.1));
        Assert.True(await _store.ForgetAsync("leaves", CancellationToken.None));
        Assert.Equal(CommunityBuild.Published, await builder.BuildIfDueAsync(CancellationToken.None));

        var latest = (await Snapshots().LatestAsync(CancellationToken.None))!;
        var published = CommunitySnapshotEncoding.FromBytes((await Snapshots().DownloadAsync(latest.Version, CancellationToken.None))!);
        Assert.Equal(["stays"], published.Ratings.Members.Select(m => m.ChatId));
        Assert.Equal(-1, live.Current.SelfIndexOf("leaves"));
    }

    [Fact]
    public async Task A_build_with_nobody_changed_publishes_nothing()
    {
        await RateAsync("ten", TenFilms, 4);
        var (builder, _) = Builder(TimeSpan.FromSeconds(1));
        await builder.BuildIfDueAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(1.1));

        Assert.Equal(CommunityBuild.Unchanged, await builder.BuildIfDueAsync(CancellationToken.None));
        Assert.Equal(1, (await Snapshots().LatestAsync(CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task A_damaged_newest_snapshot_is_replaced_by_a_build_that_reads_everyone()
    {
        await RateAsync("ten", TenFilms, 4);
        Assert.True(await Snapshots().TryPublishAsync(1, _clock.GetUtcNow().AddHours(-1), [1, 2, 3, 4], CancellationToken.None));
        var (builder, live) = Builder();

        Assert.Equal(CommunityBuild.Published, await builder.BuildIfDueAsync(CancellationToken.None));

        Assert.Equal(2, live.Current.Version);
        Assert.Equal(1, live.Current.AppUsers);
    }

    [Fact]
    public async Task When_the_daily_read_of_everyone_fails_the_build_still_takes_in_the_changed_users()
    {
        var dayOld = _clock.GetUtcNow().AddHours(-25);
        var old = new CommunitySnapshot(1, dayOld, _clock.GetUtcNow().AddMinutes(-10), dayOld, CommunityRatings.Empty);
        await Snapshots().TryPublishAsync(old.Version, old.BuiltAt, CommunitySnapshotEncoding.ToBytes(old), CancellationToken.None);
        await RateAsync("newcomer", TenFilms, 4);
        _store.FullReadsFail = true;
        var (builder, live) = Builder();

        Assert.Equal(CommunityBuild.Published, await builder.BuildIfDueAsync(CancellationToken.None));

        Assert.Equal(1, live.Current.AppUsers);
        Assert.Equal(dayOld, live.Current.Community!.FullBuildAt);
    }

    [Fact]
    public async Task Two_builders_at_once_publish_one_snapshot_per_round()
    {
        var first = Builder(TimeSpan.FromSeconds(1));
        var second = Builder(TimeSpan.FromSeconds(1));
        for (var round = 1; round <= 3; round++)
        {
            await RateAsync($"round-{round}", TenFilms, 4);

            var outcomes = await Task.WhenAll(
                Task.Run(() => first.Builder.BuildIfDueAsync(CancellationToken.None)),
                Task.Run(() => second.Builder.BuildIfDueAsync(CancellationToken.None)));

            Assert.Single(outcomes, o => o == CommunityBuild.Published);
            Assert.Equal(round, (await Snapshots().LatestAsync(CancellationToken.None))!.Version);
            _clock.Advance(TimeSpan.FromSeconds(1.1));
        }
    }

    [Fact]
    public async Task A_new_users_ratings_shape_another_users_list_once_built()
    {
        var service = Service(new LiveModel(MovieLensOnly));
        await RateAsync("bea", TenFilms, 4.5);
        Assert.True((await service.RecommendAsync("bea", 10, CancellationToken.None)).TryGet(out var before));

        await RateAsync("ann", TenFilms, 4.5);
        await _store.SaveRatingAsync("ann", HiddenFilm, 5, CancellationToken.None);
        var (builder, live) = Builder();
        await builder.BuildIfDueAsync(CancellationToken.None);
        Assert.True((await Service(live).RecommendAsync("bea", 10, CancellationToken.None)).TryGet(out var after));

        Assert.DoesNotContain(before, m => m.Movie.Id == HiddenFilm);
        Assert.Contains(after, m => m.Movie.Id == HiddenFilm);
        Assert.Equal(2, live.Current.AppUsers);
    }

    [Fact]
    public async Task Requests_during_swaps_all_get_full_lists_from_one_model_or_the_next()
    {
        await RateAsync("asker", TenFilms, 4);
        var live = new LiveModel(MovieLensOnly);
        var service = Service(live);
        var community = CommunityRatings.Empty.With([("asker", TenFilms.ToDictionary(f => f, _ => 4.0))]);
        using var swapping = new CancellationTokenSource();
        var answered = 0;

        var askers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!swapping.IsCancellationRequested)
            {
                Assert.True((await service.RecommendAsync("asker", 3, CancellationToken.None)).TryGet(out var list));
                Assert.Equal(3, list.Count);
                Interlocked.Increment(ref answered);
                // The in-memory store answers synchronously: without a yield, four askers hold the
                // thread pool and the swapping loop waits seconds for a thread.
                await Task.Yield();
            }
        })).ToList();
        for (var version = 1; version <= 10; version++)
        {
            var now = _clock.GetUtcNow();
            Assert.True(live.TryTakeIn(new CommunitySnapshot(version, now, now, now, community)));
            // Let requests run on this model before the next swap, however busy the machine.
            var before = Volatile.Read(ref answered);
            while (Volatile.Read(ref answered) < before + 8 && askers.All(a => !a.IsCompleted))
            {
                await Task.Delay(1);
            }
        }

        await swapping.CancelAsync();
        await Task.WhenAll(askers);

        Assert.True(answered >= 80, $"{answered} answers");
        Assert.Equal(10, live.Current.Version);
        Assert.False(live.TrySwap(MovieLensOnly), "an older model never replaces a newer one");
    }

    private (CommunityBuilder Builder, LiveModel Live) Builder(TimeSpan? interval = null)
    {
        var live = new LiveModel(MovieLensOnly);
        var options = Options.Create(new ModelRefreshOptions
        {
            Interval = interval ?? TimeSpan.FromMinutes(5),
            ClockMargin = TimeSpan.Zero,
        });
        return (new CommunityBuilder(_store, Snapshots(), live, options, _clock, NullLogger<CommunityBuilder>.Instance), live);
    }

    private RecommenderService Service(LiveModel live) =>
        new(live, _store, new Random(1), new MovieRecMetrics(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>()));

    private InMemoryModelSnapshots Snapshots() => _snapshots;

    private async Task RateAsync(string chatId, IEnumerable<int> films, double stars)
    {
        await _store.TryRegisterAsync(chatId, CancellationToken.None);
        foreach (var film in films)
        {
            await _store.SaveRatingAsync(chatId, film, stars, CancellationToken.None);
            // A person's presses take time: no two writes, and no write and a build, at the same instant.
            _clock.Advance(TimeSpan.FromMilliseconds(1));
        }
    }
}
