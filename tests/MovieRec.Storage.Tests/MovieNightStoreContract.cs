using Microsoft.Extensions.Options;
using MovieRec.Storage;
using MovieRec.Testing;

namespace MovieRec.Storage.Tests;

/// <summary>
/// What every <see cref="IMovieNightStore"/> guarantees, run against Table Storage on a real Azurite
/// and against the in-memory store, so the bot may be tested on either: a night per group message,
/// changes only from the version read (one winner among concurrent changes, none lost when each
/// reads again), and the sweep's cutoff exact on a <see cref="ManualClock"/>.
/// </summary>
public abstract class MovieNightStoreContract
{
    private const long Group = -1001234567890;

    protected ManualClock Clock { get; } = new();

    protected abstract IMovieNightStore Nights { get; }

    [Fact]
    public async Task A_started_night_reads_back_as_written_and_a_second_start_for_the_same_message_is_refused()
    {
        Assert.True(await Nights.TryStartAsync(Night(Group, 7), CancellationToken.None));

        Assert.False(await Nights.TryStartAsync(Night(Group, 7) with { Genre = "Drama" }, CancellationToken.None));
        var read = await Nights.GetAsync(Group, 7, CancellationToken.None);
        AssertSame(Night(Group, 7), read!.Night);
        Assert.False(string.IsNullOrEmpty(read.Version));
    }

    [Fact]
    public async Task Nights_of_other_messages_and_other_groups_are_kept_apart()
    {
        await Nights.TryStartAsync(Night(Group, 7), CancellationToken.None);
        await Nights.TryStartAsync(Night(Group, 8) with { Genre = "Drama" }, CancellationToken.None);
        await Nights.TryStartAsync(Night(-4012345678, 7) with { Genre = "Sci-Fi" }, CancellationToken.None);

        Assert.Equal("Comedy", (await Nights.GetAsync(Group, 7, CancellationToken.None))!.Night.Genre);
        Assert.Equal("Drama", (await Nights.GetAsync(Group, 8, CancellationToken.None))!.Night.Genre);
        Assert.Equal("Sci-Fi", (await Nights.GetAsync(-4012345678, 7, CancellationToken.None))!.Night.Genre);
        Assert.Null(await Nights.GetAsync(Group, 9, CancellationToken.None));
    }

    [Fact]
    public async Task A_change_from_the_version_read_is_stored_with_every_field()
    {
        await Nights.TryStartAsync(Night(Group, 7), CancellationToken.None);
        var read = await Nights.GetAsync(Group, 7, CancellationToken.None);
        var voting = read!.Night with
        {
            Members = [new NightMember(101, "Ada"), new NightMember(9_000_000_001, "Zoë \"Z\" 🎬 Ng"), new NightMember(103, "Cy")],
            Stage = NightStage.Voting,
            PollMessageId = 12,
            Films = [2571, 318, 1, 58559, 4993],
        };

        var changed = await Nights.TryReplaceAsync(read, voting, CancellationToken.None);

        Assert.NotNull(changed);
        Assert.NotEqual(read.Version, changed.Version);
        AssertSame(voting, changed.Night);
        var again = await Nights.GetAsync(Group, 7, CancellationToken.None);
        AssertSame(voting, again!.Night);
        Assert.Equal(changed.Version, again.Version);
    }

    [Fact]
    public async Task A_change_from_an_outdated_version_is_refused_and_changes_nothing()
    {
        await Nights.TryStartAsync(Night(Group, 7), CancellationToken.None);
        var read = await Nights.GetAsync(Group, 7, CancellationToken.None);
        var adaIn = read!.Night with { Members = [new NightMember(101, "Ada")] };
        await Nights.TryReplaceAsync(read, adaIn, CancellationToken.None);

        var stale = await Nights.TryReplaceAsync(read, read.Night with { Members = [new NightMember(102, "Bob")] }, CancellationToken.None);

        Assert.Null(stale);
        AssertSame(adaIn, (await Nights.GetAsync(Group, 7, CancellationToken.None))!.Night);
    }

    [Fact]
    public async Task Of_20_concurrent_changes_from_one_version_exactly_one_wins()
    {
        await Nights.TryStartAsync(Night(Group, 7), CancellationToken.None);
        var read = await Nights.GetAsync(Group, 7, CancellationToken.None);

        var changes = await Task.WhenAll(Enumerable.Range(1, 20).Select(member => Task.Run(() =>
            Nights.TryReplaceAsync(read!, read!.Night with { Members = [new NightMember(member, $"M{member}")] }, CancellationToken.None))));

        var winner = Assert.Single(changes, c => c is not null);
        AssertSame(winner!.Night, (await Nights.GetAsync(Group, 7, CancellationToken.None))!.Night);
    }

    [Fact]
    public async Task Twenty_members_joining_at_once_each_reading_again_after_a_refusal_are_all_in()
    {
        await Nights.TryStartAsync(Night(Group, 7), CancellationToken.None);

        await Task.WhenAll(Enumerable.Range(1, 20).Select(member => Task.Run(async () =>
        {
            while (true)
            {
                var read = await Nights.GetAsync(Group, 7, CancellationToken.None);
                if (await Nights.TryReplaceAsync(read!, read!.Night with { Members = [.. read.Night.Members, new NightMember(member, $"M{member}")] }, CancellationToken.None) is not null)
                {
                    return;
                }
            }
        })));

        Assert.Equal(Enumerable.Range(1, 20).Select(m => (long)m), (await Nights.GetAsync(Group, 7, CancellationToken.None))!.Night.Members.Select(m => m.UserId).Order());
    }

    [Fact]
    public async Task A_sweep_deletes_the_nights_started_before_its_cutoff_and_keeps_the_rest()
    {
        await Nights.TryStartAsync(Night(Group, 1), CancellationToken.None);
        Clock.Advance(TimeSpan.FromDays(1));
        await Nights.TryStartAsync(Night(Group, 2), CancellationToken.None);
        var cutoff = Clock.GetUtcNow();
        Clock.Advance(TimeSpan.FromDays(1));
        await Nights.TryStartAsync(Night(Group, 3), CancellationToken.None);
        // A change does not make a night younger: it is swept by when it started.
        var first = await Nights.GetAsync(Group, 1, CancellationToken.None);
        await Nights.TryReplaceAsync(first!, first!.Night with { Stage = NightStage.Closed }, CancellationToken.None);

        var swept = await Nights.SweepAsync(cutoff, CancellationToken.None);

        Assert.Equal(1, swept);
        Assert.Null(await Nights.GetAsync(Group, 1, CancellationToken.None));
        Assert.NotNull(await Nights.GetAsync(Group, 2, CancellationToken.None));
        Assert.NotNull(await Nights.GetAsync(Group, 3, CancellationToken.None));
        Assert.Null(await Nights.TryReplaceAsync(first, first.Night with { Stage = NightStage.Open }, CancellationToken.None));
    }

    [Fact]
    public async Task A_change_that_names_another_message_is_refused_as_a_bug()
    {
        await Nights.TryStartAsync(Night(Group, 7), CancellationToken.None);
        var read = await Nights.GetAsync(Group, 7, CancellationToken.None);

        await Assert.ThrowsAsync<ArgumentException>(() => Nights.TryReplaceAsync(read!, read!.Night with { MessageId = 8 }, CancellationToken.None));
        Assert.Null(await Nights.GetAsync(Group, 8, CancellationToken.None));
    }

    private static MovieNight Night(long chatId, int messageId) => new(chatId, messageId, new NightMember(101, "Ada"), "Comedy", [], NightStage.Open);

    /// <summary>Records holding lists compare the lists by reference; a night is the same when every field is.</summary>
    private static void AssertSame(MovieNight expected, MovieNight actual)
    {
        Assert.Equal(expected with { Members = [], Films = [] }, actual with { Members = [], Films = [] });
        Assert.Equal(expected.Members, actual.Members);
        Assert.Equal(expected.Films, actual.Films);
    }
}

/// <summary>The contract on one Azurite shared by the class; each test has its own nights table, so a sweep sees only its own nights.</summary>
public sealed class TableMovieNightStoreContractTests : MovieNightStoreContract, IClassFixture<SharedAzurite>
{
    public TableMovieNightStoreContractTests(SharedAzurite azurite)
    {
        var options = new StorageOptions { RatingsStorage = azurite.Azurite.ConnectionString, NightsTable = "nights" + Guid.NewGuid().ToString("N") };
        Nights = new TableMovieNightStore(new TableStorage(Options.Create(options), new StoreOutage(TimeProvider.System), new StoreBulkhead()), Clock);
    }

    protected override IMovieNightStore Nights { get; }
}

public sealed class InMemoryMovieNightStoreContractTests : MovieNightStoreContract
{
    public InMemoryMovieNightStoreContractTests() => Nights = new InMemoryMovieNightStore(Clock);

    protected override IMovieNightStore Nights { get; }
}
