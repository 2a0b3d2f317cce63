using MovieRec.Storage;
using MovieRec.Testing;

namespace MovieRec.Storage.Tests;

/// <summary>
/// What every <see cref="IRatingStore"/> guarantees, run against the Table store on a real Azurite
/// and against the in-memory store, so tests above the store may use either.
/// </summary>
public abstract class RatingStoreContract : IAsyncLifetime
{
    protected IRatingStore Store { get; private set; } = null!;

    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected abstract Task<IRatingStore> CreateStoreAsync();

    /// <summary>The forget's first step alone (the user goes, so no rating can be written), as a forget that stopped there leaves the chat.</summary>
    protected abstract Task<bool> StartForgettingAsync(string chatId);

    /// <summary>The forget's steps after the first.</summary>
    protected abstract Task FinishForgettingAsync(string chatId);

    [Fact]
    public async Task Of_100_concurrent_registrations_of_one_chat_id_exactly_one_creates_it()
    {
        var created = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => Store.TryRegisterAsync("same-chat", CancellationToken.None))));

        Assert.Single(created, c => c);
        Assert.NotNull(await Store.GetRatingsAsync("same-chat", CancellationToken.None));
    }

    [Fact]
    public async Task Two_hundred_concurrent_ratings_by_one_user_are_all_stored()
    {
        await Store.TryRegisterAsync("busy", CancellationToken.None);

        var saved = await Task.WhenAll(Enumerable.Range(1, 200).Select(m => Task.Run(() => Store.SaveRatingAsync("busy", m, 0.5 * (1 + (m % 10)), CancellationToken.None))));

        Assert.All(saved, Assert.True);
        var ratings = await Store.GetRatingsAsync("busy", CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 200).ToDictionary(m => m, m => 0.5 * (1 + (m % 10))), ratings!.StarsByMovie);
    }

    [Fact]
    public async Task Rating_a_movie_again_replaces_the_earlier_rating()
    {
        await Store.TryRegisterAsync("changes-mind", CancellationToken.None);
        await Store.SaveRatingAsync("changes-mind", 318, 2, CancellationToken.None);

        Assert.True(await Store.SaveRatingAsync("changes-mind", 318, 4.5, CancellationToken.None));

        Assert.Equal(new Dictionary<int, double> { [318] = 4.5 }, (await Store.GetRatingsAsync("changes-mind", CancellationToken.None))!.StarsByMovie);
    }

    [Fact]
    public async Task A_rating_for_an_unknown_user_is_refused_and_not_written()
    {
        Assert.False(await Store.SaveRatingAsync("ghost", 1, 4, CancellationToken.None));
        Assert.Null(await Store.GetRatingsAsync("ghost", CancellationToken.None));

        Assert.True(await Store.TryRegisterAsync("ghost", CancellationToken.None));
        Assert.Empty((await Store.GetRatingsAsync("ghost", CancellationToken.None))!.StarsByMovie);
    }

    [Fact]
    public async Task Users_do_not_see_each_others_ratings()
    {
        await Store.TryRegisterAsync("alice", CancellationToken.None);
        await Store.TryRegisterAsync("alice2", CancellationToken.None);
        await Store.SaveRatingAsync("alice", 1, 5, CancellationToken.None);
        await Store.SaveRatingAsync("alice2", 2, 1, CancellationToken.None);

        Assert.Equal([1], (await Store.GetRatingsAsync("alice", CancellationToken.None))!.StarsByMovie.Keys);
        Assert.Equal([2], (await Store.GetRatingsAsync("alice2", CancellationToken.None))!.StarsByMovie.Keys);
    }

    [Fact]
    public async Task A_skip_is_kept_apart_from_ratings_and_a_later_rating_ends_it()
    {
        await Store.TryRegisterAsync("skipper", CancellationToken.None);

        Assert.True(await Store.SaveSkipAsync("skipper", 318, CancellationToken.None));
        Assert.True(await Store.SaveSkipAsync("skipper", 318, CancellationToken.None));
        var skipped = (await Store.GetRatingsAsync("skipper", CancellationToken.None))!;
        Assert.Empty(skipped.StarsByMovie);
        Assert.Equal([318], skipped.Skipped);

        await Store.SaveRatingAsync("skipper", 318, 4, CancellationToken.None);
        var rated = (await Store.GetRatingsAsync("skipper", CancellationToken.None))!;
        Assert.Equal(new Dictionary<int, double> { [318] = 4 }, rated.StarsByMovie);
        Assert.Empty(rated.Skipped);
    }

    [Fact]
    public async Task A_skip_never_erases_a_rating_and_is_refused_for_an_unknown_user()
    {
        await Store.TryRegisterAsync("rater-then-skipper", CancellationToken.None);
        await Store.SaveRatingAsync("rater-then-skipper", 296, 2.5, CancellationToken.None);

        Assert.True(await Store.SaveSkipAsync("rater-then-skipper", 296, CancellationToken.None));
        Assert.False(await Store.SaveSkipAsync("never-registered", 296, CancellationToken.None));

        var stored = (await Store.GetRatingsAsync("rater-then-skipper", CancellationToken.None))!;
        Assert.Equal(new Dictionary<int, double> { [296] = 2.5 }, stored.StarsByMovie);
        Assert.Empty(stored.Skipped);
        Assert.Null(await Store.GetRatingsAsync("never-registered", CancellationToken.None));
    }

    [Fact]
    public async Task A_rating_and_a_skip_of_one_movie_at_once_always_end_rated()
    {
        for (var round = 0; round < 20; round++)
        {
            var chatId = $"race-{round}";
            await Store.TryRegisterAsync(chatId, CancellationToken.None);

            await Task.WhenAll(
                Task.Run(() => Store.SaveSkipAsync(chatId, 593, CancellationToken.None)),
                Task.Run(() => Store.SaveRatingAsync(chatId, 593, 4, CancellationToken.None)));

            var stored = (await Store.GetRatingsAsync(chatId, CancellationToken.None))!;
            Assert.Equal(new Dictionary<int, double> { [593] = 4 }, stored.StarsByMovie);
            Assert.Empty(stored.Skipped);
        }
    }

    [Fact]
    public async Task Ratings_read_earlier_are_a_snapshot_that_later_writes_do_not_change()
    {
        await Store.TryRegisterAsync("reader", CancellationToken.None);
        await Store.SaveRatingAsync("reader", 1, 3, CancellationToken.None);
        var before = await Store.GetRatingsAsync("reader", CancellationToken.None);

        await Store.SaveRatingAsync("reader", 2, 4, CancellationToken.None);

        Assert.Equal([1], before!.StarsByMovie.Keys);
    }

    [Fact]
    public async Task A_rating_marks_its_user_changed_and_a_user_who_has_not_rated_since_is_not()
    {
        await Store.TryRegisterAsync("rated-before", CancellationToken.None);
        await Store.TryRegisterAsync("rates-after", CancellationToken.None);
        await Store.TryRegisterAsync("only-skips", CancellationToken.None);
        await Store.SaveRatingAsync("rated-before", 1, 3, CancellationToken.None);
        await Task.Delay(50);
        var since = DateTimeOffset.UtcNow;

        await Store.SaveRatingAsync("rates-after", 1, 4, CancellationToken.None);
        await Store.SaveSkipAsync("only-skips", 1, CancellationToken.None);

        var changed = await Store.ChangedSinceAsync(since, CancellationToken.None);
        Assert.Contains("rates-after", changed);
        Assert.DoesNotContain("rated-before", changed);
        Assert.DoesNotContain("only-skips", changed);
        Assert.Contains("rated-before", await Store.ChangedSinceAsync(since.AddMinutes(-5), CancellationToken.None));
    }

    [Fact]
    public async Task Reading_chosen_users_gives_each_registered_one_and_leaves_out_unknown_chats()
    {
        await Store.TryRegisterAsync("chosen-a", CancellationToken.None);
        await Store.TryRegisterAsync("chosen-b", CancellationToken.None);
        await Store.SaveRatingAsync("chosen-a", 7, 3.5, CancellationToken.None);

        var read = (await Store.ReadUsersAsync(["chosen-a", "chosen-b", "never-registered-chosen"], CancellationToken.None)).ToDictionary(u => u.ChatId);

        Assert.Equal(["chosen-a", "chosen-b"], read.Keys.Order());
        Assert.Equal(new Dictionary<int, double> { [7] = 3.5 }, read["chosen-a"].StarsByMovie);
        Assert.Empty(read["chosen-b"].StarsByMovie);
    }

    [Fact]
    public async Task Reading_everyone_gives_each_registered_user_with_their_ratings_and_skips()
    {
        await Store.TryRegisterAsync("everyone-a", CancellationToken.None);
        await Store.TryRegisterAsync("everyone-b", CancellationToken.None);
        await Store.SaveRatingAsync("everyone-a", 1, 4.5, CancellationToken.None);
        await Store.SaveRatingAsync("everyone-a", 2, 1, CancellationToken.None);
        await Store.SaveSkipAsync("everyone-a", 3, CancellationToken.None);

        var everyone = (await Store.ReadAllAsync(CancellationToken.None)).ToDictionary(u => u.ChatId);

        Assert.Equal(new Dictionary<int, double> { [1] = 4.5, [2] = 1 }, everyone["everyone-a"].StarsByMovie);
        Assert.Equal([3], everyone["everyone-a"].Skipped);
        Assert.Empty(everyone["everyone-b"].StarsByMovie);
    }

    [Fact]
    public async Task Removing_a_rating_or_a_skip_takes_it_back_and_notes_the_change()
    {
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);
        await Store.TryRegisterAsync("takes-back", CancellationToken.None);
        await Store.SaveRatingAsync("takes-back", 1, 4, CancellationToken.None);
        await Store.SaveRatingAsync("takes-back", 2, 3, CancellationToken.None);
        await Store.SaveSkipAsync("takes-back", 3, CancellationToken.None);

        Assert.Equal(Removal.Removed, await Store.RemoveAsync("takes-back", 1, CancellationToken.None));
        Assert.Equal(Removal.Removed, await Store.RemoveAsync("takes-back", 3, CancellationToken.None));
        Assert.Equal(Removal.NothingToRemove, await Store.RemoveAsync("takes-back", 1, CancellationToken.None));
        Assert.Equal(Removal.NothingToRemove, await Store.RemoveAsync("takes-back", 99, CancellationToken.None));

        var left = (await Store.GetRatingsAsync("takes-back", CancellationToken.None))!;
        Assert.Equal(new Dictionary<int, double> { [2] = 3 }, left.StarsByMovie);
        Assert.Empty(left.Skipped);
        Assert.Equal([2], left.RatedAt.Keys);
        Assert.Contains("takes-back", await Store.ChangedSinceAsync(before, CancellationToken.None));
    }

    [Fact]
    public async Task Removing_for_an_unknown_chat_writes_nothing()
    {
        Assert.Equal(Removal.UnknownUser, await Store.RemoveAsync("never-rated", 1, CancellationToken.None));

        Assert.Null(await Store.GetRatingsAsync("never-rated", CancellationToken.None));
    }

    [Fact]
    public async Task Each_rating_keeps_when_it_was_given_and_a_new_rating_of_a_film_moves_its_time()
    {
        var start = DateTimeOffset.UtcNow.AddSeconds(-1);
        await Store.TryRegisterAsync("timed", CancellationToken.None);
        await Store.SaveRatingAsync("timed", 1, 4, CancellationToken.None);
        await Store.SaveRatingAsync("timed", 2, 4, CancellationToken.None);
        var first = (await Store.GetRatingsAsync("timed", CancellationToken.None))!.RatedAt;
        await Store.SaveRatingAsync("timed", 1, 5, CancellationToken.None);

        var second = (await Store.GetRatingsAsync("timed", CancellationToken.None))!.RatedAt;
        Assert.True(first[1] >= start && first[2] >= first[1]);
        Assert.True(second[1] > first[2]);
        Assert.Equal(first[2], second[2]);
    }

    [Fact]
    public async Task Forgetting_a_chat_deletes_its_ratings_and_skips_and_notes_the_change_for_the_builder()
    {
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);
        await Store.TryRegisterAsync("forgets", CancellationToken.None);
        await Store.SaveRatingAsync("forgets", 1, 4, CancellationToken.None);
        await Store.SaveSkipAsync("forgets", 2, CancellationToken.None);
        await Store.TryRegisterAsync("stays", CancellationToken.None);
        await Store.SaveRatingAsync("stays", 1, 3, CancellationToken.None);

        Assert.True(await Store.ForgetAsync("forgets", CancellationToken.None));

        Assert.Null(await Store.GetRatingsAsync("forgets", CancellationToken.None));
        Assert.Contains("forgets", await Store.ChangedSinceAsync(before, CancellationToken.None));
        Assert.DoesNotContain(await Store.ReadUsersAsync(["forgets", "stays"], CancellationToken.None), u => u.ChatId == "forgets");
        Assert.Equal(new Dictionary<int, double> { [1] = 3 }, (await Store.GetRatingsAsync("stays", CancellationToken.None))!.StarsByMovie);
        Assert.True(await Store.TryRegisterAsync("forgets", CancellationToken.None));
    }

    [Fact]
    public async Task A_rating_written_between_the_forgets_first_and_second_step_does_not_survive()
    {
        await Store.TryRegisterAsync("midway", CancellationToken.None);
        await Store.SaveRatingAsync("midway", 1, 4, CancellationToken.None);

        Assert.True(await StartForgettingAsync("midway"));
        var lateRating = await Store.SaveRatingAsync("midway", 2, 5, CancellationToken.None);
        var lateSkip = await Store.SaveSkipAsync("midway", 3, CancellationToken.None);
        await FinishForgettingAsync("midway");

        Assert.False(lateRating);
        Assert.False(lateSkip);
        Assert.Null(await Store.GetRatingsAsync("midway", CancellationToken.None));
        Assert.False(await Store.ForgetAsync("midway", CancellationToken.None));
        Assert.True(await Store.TryRegisterAsync("midway", CancellationToken.None));
        var again = (await Store.GetRatingsAsync("midway", CancellationToken.None))!;
        Assert.Empty(again.StarsByMovie);
        Assert.Empty(again.Skipped);
    }

    [Fact]
    public async Task A_second_forget_finishes_what_a_first_left_and_only_then_is_there_nothing_to_forget()
    {
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);
        await Store.TryRegisterAsync("half-forgotten", CancellationToken.None);
        await Store.SaveRatingAsync("half-forgotten", 1, 4, CancellationToken.None);
        await Store.SaveRatingAsync("half-forgotten", 2, 3, CancellationToken.None);
        await Store.SaveSkipAsync("half-forgotten", 3, CancellationToken.None);
        // The first forget stopped after its first step (the store went away, say): the user is gone, their rows are not.
        await StartForgettingAsync("half-forgotten");

        Assert.True(await Store.ForgetAsync("half-forgotten", CancellationToken.None));

        Assert.Contains("half-forgotten", await Store.ChangedSinceAsync(before, CancellationToken.None));
        Assert.False(await Store.ForgetAsync("half-forgotten", CancellationToken.None));
        Assert.True(await Store.TryRegisterAsync("half-forgotten", CancellationToken.None));
        var again = (await Store.GetRatingsAsync("half-forgotten", CancellationToken.None))!;
        Assert.Empty(again.StarsByMovie);
        Assert.Empty(again.Skipped);
    }

    [Fact]
    public async Task Registering_again_after_a_forget_starts_empty()
    {
        await Store.TryRegisterAsync("starts-over", CancellationToken.None);
        await Store.SaveRatingAsync("starts-over", 1, 4, CancellationToken.None);
        await Store.SaveSkipAsync("starts-over", 2, CancellationToken.None);
        await Store.ForgetAsync("starts-over", CancellationToken.None);

        Assert.True(await Store.TryRegisterAsync("starts-over", CancellationToken.None));

        var again = (await Store.GetRatingsAsync("starts-over", CancellationToken.None))!;
        Assert.Empty(again.StarsByMovie);
        Assert.Empty(again.Skipped);
        Assert.Empty(again.RatedAt);
        Assert.DoesNotContain(await Store.ReadAllAsync(CancellationToken.None), u => u.ChatId == "starts-over" && u.StarsByMovie.Count > 0);
    }

    [Fact]
    public async Task Forgetting_an_unknown_chat_is_false_and_writes_nothing()
    {
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);

        Assert.False(await Store.ForgetAsync("never-here", CancellationToken.None));

        Assert.DoesNotContain("never-here", await Store.ChangedSinceAsync(before, CancellationToken.None));
    }

    [Fact]
    public async Task A_sweep_deletes_change_notes_older_than_its_cutoff_and_keeps_newer_ones()
    {
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);
        await Store.TryRegisterAsync("noted", CancellationToken.None);
        await Store.SaveRatingAsync("noted", 1, 4, CancellationToken.None);

        await Store.SweepChangeNotesAsync(before, CancellationToken.None);
        var kept = await Store.ChangedSinceAsync(before, CancellationToken.None);
        // Notes are kept by the hour: a cutoff two hours ahead takes this hour's.
        var swept = await Store.SweepChangeNotesAsync(DateTimeOffset.UtcNow.AddHours(2), CancellationToken.None);

        Assert.Contains("noted", kept);
        Assert.True(swept >= 1);
        Assert.DoesNotContain("noted", await Store.ChangedSinceAsync(before, CancellationToken.None));
        Assert.Equal(new Dictionary<int, double> { [1] = 4 }, (await Store.GetRatingsAsync("noted", CancellationToken.None))!.StarsByMovie);
    }
}

/// <summary>The contract on one Azurite shared by the class: each test uses its own chat ids.</summary>
public sealed class TableRatingStoreContractTests(SharedAzurite azurite) : RatingStoreContract, IClassFixture<SharedAzurite>
{
    private readonly TableRatingStore _store = StoreFor.Azurite(azurite.Azurite);

    protected override Task<IRatingStore> CreateStoreAsync() => Task.FromResult<IRatingStore>(_store);

    protected override Task<bool> StartForgettingAsync(string chatId) => _store.StartForgettingAsync(chatId, CancellationToken.None);

    protected override Task FinishForgettingAsync(string chatId) => _store.FinishForgettingAsync(chatId, CancellationToken.None);
}

/// <summary>The Table store's faults, each on an Azurite of its own that the test stops or wipes.</summary>
public sealed class TableRatingStoreFaultTests : IAsyncLifetime
{
    private Azurite _azurite = null!;
    private TableRatingStore _store = null!;

    public async Task InitializeAsync()
    {
        _azurite = await Azurite.StartAsync();
        _store = StoreFor.Azurite(_azurite);
    }

    public async Task DisposeAsync() => await _azurite.DisposeAsync();

    [Fact]
    public async Task An_unreachable_store_is_reported_as_unavailable()
    {
        await _azurite.StopAsync();

        await Assert.ThrowsAsync<StoreUnavailableException>(() => _store.GetRatingsAsync("anyone", CancellationToken.None));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => _store.TryRegisterAsync("anyone", CancellationToken.None));
    }

    [Fact]
    public async Task A_table_deleted_under_a_running_app_is_created_again_and_the_call_succeeds()
    {
        Assert.True(await _store.TryRegisterAsync("before-the-wipe", CancellationToken.None));
        var service = new Azure.Data.Tables.TableServiceClient(_azurite.ConnectionString);
        var table = new StorageOptions().UsersTable;

        // Each call shape after a wipe: a query, an insert and a transaction.
        await service.DeleteTableAsync(table);
        Assert.Null(await _store.GetRatingsAsync("before-the-wipe", CancellationToken.None));
        await service.DeleteTableAsync(table);
        Assert.True(await _store.TryRegisterAsync("after-the-wipe", CancellationToken.None));
        await service.DeleteTableAsync(table);
        Assert.False(await _store.SaveRatingAsync("after-the-wipe", 318, 5, CancellationToken.None));
        Assert.True(await _store.TryRegisterAsync("after-the-wipe", CancellationToken.None));
        Assert.True(await _store.SaveRatingAsync("after-the-wipe", 318, 5, CancellationToken.None));
    }
}

public sealed class InMemoryRatingStoreContractTests : RatingStoreContract
{
    private readonly InMemoryRatingStore _store = new();

    protected override Task<IRatingStore> CreateStoreAsync() => Task.FromResult<IRatingStore>(_store);

    protected override Task<bool> StartForgettingAsync(string chatId) => _store.StartForgettingAsync(chatId, CancellationToken.None);

    protected override Task FinishForgettingAsync(string chatId) => _store.FinishForgettingAsync(chatId, CancellationToken.None);
}
