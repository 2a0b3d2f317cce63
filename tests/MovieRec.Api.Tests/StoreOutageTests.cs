using Microsoft.Extensions.Options;
using MovieRec.Storage;
using MovieRec.Testing;

namespace MovieRec.Api.Tests;

/// <summary>Refusing calls at once while the store is known to be down, and finding out that it is back.</summary>
public class StoreOutageTests
{
    private readonly ManualClock _clock = new();
    private readonly StoreOutage _outage;

    public StoreOutageTests()
    {
        _outage = new StoreOutage(_clock);
    }

    [Fact]
    public void Four_failures_in_a_row_refuse_nobody()
    {
        FailTimes(StoreOutage.FailuresToRefuse - 1);

        Assert.False(_outage.Admit());
    }

    [Fact]
    public void An_answer_between_failures_starts_the_count_again()
    {
        FailTimes(StoreOutage.FailuresToRefuse - 1);
        _outage.Answered();
        FailTimes(StoreOutage.FailuresToRefuse - 1);

        Assert.False(_outage.Admit());
    }

    [Fact]
    public void After_five_failures_in_a_row_calls_are_refused_until_one_probe_is_due()
    {
        FailTimes(StoreOutage.FailuresToRefuse);

        var refused = Assert.Throws<StoreUnavailableException>(() => _outage.Admit());
        _clock.Advance(StoreOutage.ProbeEvery - TimeSpan.FromMilliseconds(1));
        Assert.Throws<StoreUnavailableException>(() => _outage.Admit());
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var probe = _outage.Admit();
        var beside = Assert.Throws<StoreUnavailableException>(() => _outage.Admit());

        Assert.True(probe);
        Assert.Contains("unreachable", refused.Message, StringComparison.Ordinal);
        Assert.Equal(refused.Message, beside.Message);
    }

    [Fact]
    public void A_probe_that_reaches_the_store_ends_the_refusals()
    {
        FailTimes(StoreOutage.FailuresToRefuse);
        _clock.Advance(StoreOutage.ProbeEvery);

        Assert.True(_outage.Admit());
        _outage.Answered();
        _outage.ProbeEnded();

        Assert.False(_outage.Admit());
        Assert.False(_outage.Admit());
    }

    [Fact]
    public void A_failed_probe_refuses_calls_for_another_interval()
    {
        FailTimes(StoreOutage.FailuresToRefuse);
        _clock.Advance(StoreOutage.ProbeEvery);

        Assert.True(_outage.Admit());
        _outage.Failed();
        _outage.ProbeEnded();

        Assert.Throws<StoreUnavailableException>(() => _outage.Admit());
        _clock.Advance(StoreOutage.ProbeEvery);
        Assert.True(_outage.Admit());
    }

    [Fact]
    public void A_probe_whose_caller_went_away_lets_the_next_call_probe()
    {
        FailTimes(StoreOutage.FailuresToRefuse);
        _clock.Advance(StoreOutage.ProbeEvery);

        Assert.True(_outage.Admit());
        _outage.ProbeEnded();

        Assert.True(_outage.Admit());
    }

    [Fact]
    public async Task A_store_nothing_listens_for_is_refused_at_once_after_five_failed_calls()
    {
        var nobody = FreePort.Next();
        var connection = Azurite.ConnectionStringFor(nobody, nobody);
        var store = new TableRatingStore(new TableStorage(Options.Create(new StorageOptions { RatingsStorage = connection }), _outage));

        var tried = new List<string>();
        for (var call = 0; call < StoreOutage.FailuresToRefuse; call++)
        {
            tried.Add((await Assert.ThrowsAsync<StoreUnavailableException>(() => store.GetRatingsAsync("anyone", CancellationToken.None))).Message);
        }

        var refused = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.TryRegisterAsync("anyone", CancellationToken.None));

        Assert.All(tried, message => Assert.Equal("The store is unreachable.", message));
        Assert.Contains("tried again once a second", refused.Message, StringComparison.Ordinal);
    }

    private void FailTimes(int times)
    {
        for (var i = 0; i < times; i++)
        {
            Assert.False(_outage.Admit());
            _outage.Failed();
        }
    }
}
