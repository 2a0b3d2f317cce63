using System.Text;

namespace MovieRec.Bot.Tests;

/// <summary>The one reader of callback data: the contract's strings become presses, anything else is unknown.</summary>
public sealed class ButtonPressTests
{
    /// <summary>The callback data the contract names, written out by hand, and what each press is.</summary>
    public static TheoryData<string, ButtonPress> ContractData => new()
    {
        { "rate:318:1", new RatePress(318, 1) },
        { "rate:2147483647:5", new RatePress(int.MaxValue, 5) },
        { "skip:318", new SkipPress(318) },
        { "movie:2571", new FilmPress(2571) },
        { "unrate:1", new UnratePress(1) },
        { "ratings:0", new RatingsPagePress(0) },
        { "ratings:10", new RatingsPagePress(10) },
        { "forget:yes", ForgetPress.Instance },
        { "night:join", JoinNightPress.Instance },
        { "night:pick", PickNightPress.Instance },
        { "night:close", CloseVotePress.Instance },
    };

    [Theory]
    [MemberData(nameof(ContractData))]
    public void The_contracts_callback_data_reads_as_its_press(string data, ButtonPress press) =>
        Assert.Equal(press, ButtonPress.Read(data));

    [Theory]
    [MemberData(nameof(ContractData))]
    public void Each_press_writes_the_contracts_data_within_telegrams_64_bytes(string data, ButtonPress press)
    {
        var written = press switch
        {
            RatePress rate => rate.Data,
            SkipPress skip => skip.Data,
            FilmPress film => film.Data,
            UnratePress unrate => unrate.Data,
            RatingsPagePress page => page.Data,
            ForgetPress => ForgetPress.Data,
            JoinNightPress => JoinNightPress.Data,
            PickNightPress => PickNightPress.Data,
            CloseVotePress => CloseVotePress.Data,
            _ => throw new InvalidOperationException($"No data for {press}"),
        };

        Assert.Equal(data, written);
        Assert.True(Encoding.UTF8.GetByteCount(written) <= 64);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("rate:1:0")]
    [InlineData("rate:1:6")]
    [InlineData("rate:0:3")]
    [InlineData("rate:-1:3")]
    [InlineData("rate:+1:3")]
    [InlineData("rate:01:3")]
    [InlineData("rate: 1:3")]
    [InlineData("rate:99999999999:3")]
    [InlineData("rate:1:3:extra")]
    [InlineData("rate:1:3\n")]
    [InlineData("rate:1")]
    [InlineData("like:1:3")]
    [InlineData("skip:0")]
    [InlineData("skip:")]
    [InlineData("skip:12:3")]
    [InlineData("movie:0")]
    [InlineData("movie:-5")]
    [InlineData("movie:\u0661\u0662")] // Arabic-Indic digits: a number, but not as the bot writes one
    [InlineData("unrate:-1")]
    [InlineData("ratings:x")]
    [InlineData("ratings:-10")]
    [InlineData("ratings:")]
    [InlineData("forget:no")]
    [InlineData("forget:yes:now")]
    [InlineData("FORGET:yes")]
    [InlineData("night:leave")]
    [InlineData("night:join:42")]
    [InlineData("night:")]
    [InlineData("NIGHT:join")]
    [InlineData("somebody-else:42")]
    public void Data_the_bot_never_writes_reads_as_unknown(string? data) =>
        Assert.IsType<UnknownPress>(ButtonPress.Read(data));

    [Fact]
    public void Data_longer_than_telegram_allows_reads_as_unknown()
    {
        Assert.IsType<UnknownPress>(ButtonPress.Read(new string('a', 65)));
        Assert.IsType<UnknownPress>(ButtonPress.Read("forget:yes" + new string(' ', 100)));
        Assert.IsType<UnknownPress>(ButtonPress.Read("movie:" + new string('9', 10_000)));
    }
}
