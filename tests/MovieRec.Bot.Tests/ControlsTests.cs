using System.Globalization;
using MovieRec.Bot.Tests.Emulator;

namespace MovieRec.Bot.Tests;

/// <summary>Contract revision 3 in the chat: title search, /ratings, /recommend &lt;genre&gt;, and the buttons under recommendations, including old and forged presses.</summary>
public sealed class ControlsTests : IDisposable
{
    private const long Ada = 4242;
    private readonly Conversation _chat = new();

    public void Dispose() => _chat.Dispose();

    [Fact]
    public async Task Plain_text_is_a_title_search_with_a_button_per_film_and_a_press_asks_for_a_rating()
    {
        await _chat.UserSendsAsync(Ada, "numbr 12");

        var found = _chat.Telegram.BotMessages(Ada)[^1];
        Assert.Equal(BotTexts.English.Found("numbr 12"), found.Text);
        Assert.Equal(("Film number 12 (1992)", (string?)"movie:12"), found.Buttons[0]);

        await _chat.UserPressesAsync(Ada, "Film number 12 (1992)");

        Assert.Equal(["Film number 12 (1992)\nhttps://www.imdb.com/title/tt0000012/", BotTexts.English.HowDoYouRate], _chat.Texts(Ada).TakeLast(2));
        Assert.Equal(12, _chat.MovieAskedAbout(Ada));
        Assert.Null(_chat.Telegram.CallbackAnswers[^1].Text);
    }

    [Fact]
    public async Task A_search_that_finds_nothing_says_so_and_suggests_rate()
    {
        await _chat.UserSendsAsync(Ada, "zzzz qqqq");

        var answer = Assert.Single(_chat.Texts(Ada));
        Assert.Equal(BotTexts.English.NothingFound("zzzz qqqq"), answer);
        Assert.Contains("/rate", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ratings_lists_the_ten_newest_with_change_and_remove_buttons_and_pages_to_older_ones()
    {
        await RatedAsync(Enumerable.Range(1, 12));

        await _chat.UserSendsAsync(Ada, "/ratings");

        var list = _chat.Telegram.BotMessages(Ada)[^1];
        Assert.StartsWith("Your ratings, newest first (1–10 of 12):\nFilm number 12 (1992): 3 of 5", list.Text, StringComparison.Ordinal);
        Assert.Equal(("Film number 12 (1992)", (string?)"movie:12"), list.Buttons[0]);
        Assert.Equal((BotTexts.English.Remove, (string?)"unrate:12"), list.Buttons[1]);
        Assert.Equal((BotTexts.English.Older, (string?)"ratings:10"), list.Buttons[^1]);

        await _chat.UserPressesAsync(Ada, BotTexts.English.Older);

        var older = _chat.Telegram.BotMessages(Ada).Single(m => m.MessageId == list.MessageId);
        Assert.StartsWith("Your ratings, newest first (11–12 of 12):\nFilm number 2 (1982)", older.Text, StringComparison.Ordinal);
        Assert.Equal((BotTexts.English.Newer, (string?)"ratings:0"), older.Buttons[^1]);
    }

    [Fact]
    public async Task Remove_under_ratings_takes_the_rating_back_and_shows_the_list_again_in_place()
    {
        await RatedAsync(Enumerable.Range(1, 3));
        await _chat.UserSendsAsync(Ada, "/ratings");
        var list = _chat.Telegram.BotMessages(Ada)[^1];

        await _chat.DeliverAsync(_chat.Telegram.UserSendsCallbackData(Ada, list.MessageId, "unrate:2"));

        Assert.Equal([1, 3], _chat.Ratings(Ada)!.Keys.Order());
        Assert.Equal(BotTexts.English.Removed, _chat.Telegram.CallbackAnswers[^1].Text);
        var shown = _chat.Telegram.BotMessages(Ada).Single(m => m.MessageId == list.MessageId);
        Assert.StartsWith("Your ratings, newest first (1–2 of 2):", shown.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(shown.Buttons, b => b.Data == "unrate:2");
    }

    [Fact]
    public async Task Recommend_with_a_genre_recommends_from_it_and_an_unknown_genre_gets_the_list_of_genres()
    {
        await RatedAsync(Enumerable.Range(1, 10));

        await _chat.UserSendsAsync(Ada, "/recommend DRAMA");
        var picks = _chat.Telegram.BotMessages(Ada).TakeLast(3).ToList();
        await _chat.UserSendsAsync(Ada, "/recommend kung-fu");

        Assert.All(picks, p => Assert.StartsWith("Film number 1", p.Text, StringComparison.Ordinal));
        Assert.Equal(BotTexts.English.UnknownGenre("kung-fu", ["Drama"]), _chat.Texts(Ada)[^1]);
    }

    [Fact]
    public async Task Each_recommendation_has_seen_it_rate_and_not_interested_buttons_that_act_on_its_film()
    {
        await RatedAsync(Enumerable.Range(1, 10));
        await _chat.UserSendsAsync(Ada, "/recommend");
        var first = _chat.Telegram.BotMessages(Ada)[^3];
        var film = int.Parse(first.Buttons[0].Data!["movie:".Length..], CultureInfo.InvariantCulture);
        Assert.Equal([(BotTexts.English.SeenItRate, (string?)$"movie:{film}"), (BotTexts.English.NotInterested, $"skip:{film}")], first.Buttons);

        await _chat.DeliverAsync(_chat.Telegram.UserPresses(Ada, first.MessageId, BotTexts.English.NotInterested));

        var after = _chat.Telegram.BotMessages(Ada).Single(m => m.MessageId == first.MessageId);
        Assert.Equal(first.Text, after.Text);
        Assert.Empty(after.Buttons);
        Assert.Equal(BotTexts.English.Skipped, _chat.Telegram.CallbackAnswers[^1].Text);
        Assert.Contains(film, (await _chat.Store.GetRatingsAsync("4242", CancellationToken.None))!.Skipped);

        var second = _chat.Telegram.BotMessages(Ada).Single(m => m.MessageId == first.MessageId + 1);
        await _chat.DeliverAsync(_chat.Telegram.UserPresses(Ada, second.MessageId, BotTexts.English.SeenItRate));
        Assert.Equal(BotTexts.English.HowDoYouRate, _chat.Texts(Ada)[^1]);
    }

    [Theory]
    [InlineData("movie:999")]
    [InlineData("movie:0")]
    [InlineData("ratings:x")]
    [InlineData("unrate:-1")]
    [InlineData("somebody-else:42")]
    public async Task A_forged_or_stale_button_is_answered_as_stale_and_changes_nothing(string data)
    {
        await RatedAsync(Enumerable.Range(1, 3));
        var message = _chat.Telegram.BotMessages(Ada)[^1];
        var calls = _chat.Store.Changes;

        await _chat.DeliverAsync(_chat.Telegram.UserSendsCallbackData(Ada, message.MessageId, data));

        Assert.Equal(BotTexts.English.StaleButton, _chat.Telegram.CallbackAnswers[^1].Text);
        Assert.Equal(calls, _chat.Store.Changes);
    }

    [Fact]
    public async Task Removing_a_film_already_removed_says_so()
    {
        await RatedAsync(Enumerable.Range(1, 3));
        await _chat.UserSendsAsync(Ada, "/ratings");
        var list = _chat.Telegram.BotMessages(Ada)[^1];

        await _chat.DeliverAsync(_chat.Telegram.UserSendsCallbackData(Ada, list.MessageId, "unrate:7"));

        Assert.Equal(BotTexts.English.AlreadyRemoved, _chat.Telegram.CallbackAnswers[^1].Text);
        Assert.Equal(3, _chat.Ratings(Ada)!.Count);
    }

    /// <summary>Ada rates these films by pressing buttons, in this order (so the last is the newest), 3 stars each.</summary>
    private async Task RatedAsync(IEnumerable<int> films)
    {
        foreach (var film in films)
        {
            await _chat.UserSendsAsync(Ada, $"film number {film} {1980 + film}");
            await _chat.UserPressesAsync(Ada, $"Film number {film} ({1980 + film})");
            await _chat.UserPressesAsync(Ada, "3");
        }
    }
}

/// <summary>/app: a button that opens the Mini App, where one is set up.</summary>
public sealed class MiniAppCommandTests
{
    [Fact]
    public async Task App_answers_with_a_web_app_button_to_the_mini_app_url()
    {
        using var chat = new Conversation(miniAppUrl: "https://movierec.example/app");

        await chat.UserSendsAsync(4242, "/app");

        var message = chat.Telegram.BotMessages(4242)[^1];
        Assert.Equal(BotTexts.English.OpenMiniApp, message.Text);
        Assert.Equal("https://movierec.example/app", (string?)message.ReplyMarkup!["inline_keyboard"]![0]![0]!["web_app"]!["url"]);
    }

    [Fact]
    public async Task App_without_a_mini_app_url_says_it_is_not_set_up()
    {
        using var chat = new Conversation();

        await chat.UserSendsAsync(4242, "/app");

        Assert.Equal([BotTexts.English.MiniAppNotSetUp], chat.Texts(4242));
    }
}
