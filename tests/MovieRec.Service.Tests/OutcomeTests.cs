using MovieRec.Service;

namespace MovieRec.Service.Tests;

/// <summary>
/// <see cref="Outcome{T}"/> and <see cref="Outcome"/>: a done outcome gives its value to TryGet and
/// to Match's first branch only; a refused one gives its refusal, and never a value, even where the
/// value is a number whose default (0) would pass for one.
/// </summary>
public class OutcomeTests
{
    [Fact]
    public void A_done_outcome_gives_its_value_to_try_get_and_to_the_done_branch_of_match()
    {
        Outcome<string> done = Outcome.Done("Toy Story (1995)");

        var got = done.TryGet(out var value, out _);
        var matched = done.Match(v => "done: " + v, r => "refused: " + r);

        Assert.True(got);
        Assert.Equal("Toy Story (1995)", value);
        Assert.True(done.TryGet(out var alone));
        Assert.Equal("Toy Story (1995)", alone);
        Assert.Equal("done: Toy Story (1995)", matched);
    }

    [Theory]
    [InlineData(Refusal.UnknownUser)]
    [InlineData(Refusal.NotRated)]
    public void A_refused_outcome_gives_its_refusal_and_no_value_even_for_a_number(Refusal why)
    {
        Outcome<int> refused = why;

        var got = refused.TryGet(out _, out var refusal);
        var matched = refused.Match(count => $"done: {count}", r => $"refused: {r}");

        Assert.False(got);
        Assert.Equal(why, refusal);
        Assert.False(refused.TryGet(out _));
        Assert.Equal($"refused: {why}", matched);
    }

    [Fact]
    public void Zero_is_a_value_when_done()
    {
        var done = Outcome.Done(0);

        Assert.True(done.TryGet(out var count, out _));
        Assert.Equal(0, count);
        Assert.Equal("done: 0", done.Match(c => $"done: {c}", r => $"refused: {r}"));
    }

    [Fact]
    public void A_yes_or_no_outcome_matches_done_when_done_and_refused_with_its_refusal_when_refused()
    {
        var done = Outcome.Done();
        Outcome refused = Refusal.UnknownMovie;

        Assert.Null(done.Refusal);
        Assert.Equal("done", done.Match(() => "done", r => $"refused: {r}"));
        Assert.Equal(Refusal.UnknownMovie, refused.Refusal);
        Assert.Equal("refused: UnknownMovie", refused.Match(() => "done", r => $"refused: {r}"));
    }
}
