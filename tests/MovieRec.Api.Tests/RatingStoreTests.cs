using MovieRec.Storage;
using MovieRec.Testing;

namespace MovieRec.Api.Tests;

/// <summary>The Table Storage schema's guarantees, against a real Azurite.</summary>
public sealed class RatingStoreTests : IAsyncLifetime
{
    private Azurite _azurite = null!;
    private RatingStore _store = null!;

    public async Task InitializeAsync()
    {
        _azurite = await Azurite.StartAsync();
        _store = StoreFor.Azurite(_azurite);
    }

    public async Task DisposeAsync() => await _azurite.DisposeAsync();

    [Fact]
    public async Task Of_100_concurrent_registrations_of_one_chat_id_exactly_one_creates_it()
    {
        var created = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => _store.TryRegisterAsync("same-chat", CancellationToken.None)));

        Assert.Single(created, c => c);
    }

    [Fact]
    public async Task Two_hundred_concurrent_ratings_by_one_user_are_all_stored()
    {
        await _store.TryRegisterAsync("busy", CancellationToken.None);

        var saved = await Task.WhenAll(Enumerable.Range(1, 200).Select(m => _store.SaveRatingAsync("busy", m, 0.5 * (1 + (m % 10)), CancellationToken.None)));

        Assert.All(saved, Assert.True);
        var ratings = await _store.GetRatingsAsync("busy", CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 200).ToDictionary(m => m, m => 0.5 * (1 + (m % 10))), ratings!.StarsByMovie);
    }

    [Fact]
    public async Task A_rating_for_an_unknown_user_is_refused_and_not_written()
    {
        Assert.False(await _store.SaveRatingAsync("ghost", 1, 4, CancellationToken.None));

        Assert.True(await _store.TryRegisterAsync("ghost", CancellationToken.None));
        Assert.Empty((await _store.GetRatingsAsync("ghost", CancellationToken.None))!.StarsByMovie);
    }

    [Fact]
    public async Task Users_do_not_see_each_others_ratings()
    {
        await _store.TryRegisterAsync("alice", CancellationToken.None);
        await _store.TryRegisterAsync("alice2", CancellationToken.None);
        await _store.SaveRatingAsync("alice", 1, 5, CancellationToken.None);
        await _store.SaveRatingAsync("alice2", 2, 1, CancellationToken.None);

        Assert.Equal([1], (await _store.GetRatingsAsync("alice", CancellationToken.None))!.StarsByMovie.Keys);
        Assert.Equal([2], (await _store.GetRatingsAsync("alice2", CancellationToken.None))!.StarsByMovie.Keys);
    }

    [Fact]
    public async Task An_unreachable_store_is_reported_as_unavailable()
    {
        await _azurite.StopAsync();

        await Assert.ThrowsAsync<StoreUnavailableException>(() => _store.GetRatingsAsync("anyone", CancellationToken.None));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => _store.TryRegisterAsync("anyone", CancellationToken.None));
    }
}
