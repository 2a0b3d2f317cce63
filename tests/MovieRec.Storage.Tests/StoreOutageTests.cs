using Microsoft.Extensions.Options;
using MovieRec.Storage;
using MovieRec.Testing;

namespace MovieRec.Storage.Tests;

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
        _outage.Failed(StoreFailure.Unreachable, partition: null);
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
        var store = new TableRatingStore(new TableStorage(Options.Create(new StorageOptions { RatingsStorage = connection }), _outage, new StoreBulkhead()), TimeProvider.System);

        var tried = new List<string>();
        for (var call = 0; call < StoreOutage.FailuresToRefuse; call++)
        {
            tried.Add((await Assert.ThrowsAsync<StoreUnavailableException>(() => store.GetRatingsAsync("anyone", CancellationToken.None))).Message);
        }

        var refused = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.TryRegisterAsync("anyone", CancellationToken.None));

        Assert.All(tried, message => Assert.Equal("The store is unreachable.", message));
        Assert.Contains("tried again once a second", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Busy_answers_about_one_partition_refuse_nobody_however_many()
    {
        for (var i = 0; i < 10 * StoreOutage.FailuresToRefuse; i++)
        {
            Assert.False(_outage.Admit());
            _outage.Failed(StoreFailure.Busy, "one-hot-chat");
        }

        Assert.False(_outage.Admit());
    }

    [Fact]
    public void Busy_answers_about_two_partitions_in_a_row_refuse_calls()
    {
        for (var i = 0; i < StoreOutage.FailuresToRefuse; i++)
        {
            Assert.False(_outage.Admit());
            _outage.Failed(StoreFailure.Busy, i % 2 == 0 ? "ann" : "bea");
        }

        Assert.Throws<StoreUnavailableException>(() => _outage.Admit());
    }

    [Fact]
    public void Calls_that_never_reached_the_store_do_not_count_toward_an_outage()
    {
        for (var i = 0; i < 10 * StoreOutage.FailuresToRefuse; i++)
        {
            _outage.Failed(StoreFailure.Queued, "ann");
            _outage.Failed(StoreFailure.Refused, partition: null);
        }

        Assert.False(_outage.Admit());
    }

    [Fact]
    public async Task A_call_waits_for_a_slot_and_gets_it_when_one_is_given_back()
    {
        using var bulkhead = new StoreBulkhead(slots: 1, longestWait: TimeSpan.FromMinutes(5));
        var first = await bulkhead.EnterAsync(CancellationToken.None);

        var second = bulkhead.EnterAsync(CancellationToken.None);
        await Task.Yield();
        var waitedWhileTaken = !second.IsCompleted;
        first.Dispose();
        (await second).Dispose();

        Assert.True(waitedWhileTaken);
    }

    [Fact]
    public async Task A_call_that_finds_every_slot_taken_past_its_longest_wait_is_refused_as_queued()
    {
        using var bulkhead = new StoreBulkhead(slots: 1, longestWait: TimeSpan.FromMilliseconds(20));
        using var taken = await bulkhead.EnterAsync(CancellationToken.None);

        var refused = await Assert.ThrowsAsync<StoreUnavailableException>(() => bulkhead.EnterAsync(CancellationToken.None));

        Assert.Equal(StoreFailure.Queued, refused.Failure);
    }

    private void FailTimes(int times)
    {
        for (var i = 0; i < times; i++)
        {
            Assert.False(_outage.Admit());
            _outage.Failed(StoreFailure.Unreachable, partition: null);
        }
    }
}
