using MovieRec.Domain;

namespace MovieRec.Bot.Tests;

/// <summary>The conversation of the contract, update by update: routing, texts, buttons, failures.</summary>
public sealed class UpdateHandlerTests : IDisposable
{
    private const long Ada = 4242;
    private readonly Conversation _chat = new();

    public void Dispose() => _chat.Dispose();

    [Fact]
    public async Task Start_from_a_new_chat_registers_it_and_says_Welcome_then_how_to_use_the_bot()
    {
        await _chat.UserSendsAsync(Ada, "/start");

        Assert.Equal([BotTexts.English.Welcome, BotTexts.English.HowToUse], _chat.Texts(Ada));
        Assert.NotNull(_chat.Ratings(Ada));
    }

    [Fact]
    public async Task Start_from_a_known_chat_says_Welcome_back()
    {
        await _chat.UserSendsAsync(Ada, "/start");
        await _chat.UserSendsAsync(Ada, "/start");

        Assert.Equal("Welcome back!", _chat.Texts(Ada)[2]);
    }

    [Fact]
    public async Task Rate_sends_the_title_and_imdb_url_then_asks_with_five_buttons_and_havent_seen_it_carrying_the_movie()
    {
        await _chat.UserSendsAsync(Ada, "/rate");

        var messages = _chat.Telegram.BotMessages(Ada);
        var film = _chat.MovieAskedAbout(Ada);
        Assert.Equal(2, messages.Count);
        Assert.Equal(FilmText(film), messages[0].Text);
        Assert.Empty(messages[0].Buttons);
        Assert.Equal("How do you rate this movie?", messages[1].Text);
        Assert.Equal(
            [("1", $"rate:{film}:1"), ("2", $"rate:{film}:2"), ("3", $"rate:{film}:3"), ("4", $"rate:{film}:4"), ("5", $"rate:{film}:5"), ("Haven't seen it", $"skip:{film}")],
            messages[1].Buttons);
    }

    [Fact]
    public async Task Rate_before_start_registers_the_chat_first()
    {
        await _chat.UserSendsAsync(Ada, "/rate");

        Assert.NotNull(_chat.Ratings(Ada));
        Assert.Equal("How do you rate this movie?", _chat.Texts(Ada)[^1]);
    }

    [Fact]
    public async Task A_button_press_rates_answers_the_query_closes_the_question_confirms_counts_down_and_offers_the_next_movie()
    {
        await _chat.UserSendsAsync(Ada, "/rate");
        var question = _chat.Telegram.BotMessages(Ada)[1];
        var film = _chat.MovieAskedAbout(Ada);

        await _chat.UserPressesAsync(Ada, "4");

        Assert.Equal(new Dictionary<int, double> { [film] = 4 }, _chat.Ratings(Ada));
        Assert.Equal("Rated 4 of 5", Assert.Single(_chat.Telegram.CallbackAnswers).Text);
        var closed = _chat.Telegram.BotMessages(Ada).Single(m => m.MessageId == question.MessageId);
        Assert.Equal("How do you rate this movie? You gave it 4 of 5.", closed.Text);
        Assert.Empty(closed.Buttons);
        var next = _chat.MovieAskedAbout(Ada);
        Assert.NotEqual(film, next);
        Assert.Equal(
            ["Your rating is received!", "Rate 9 more movies to unlock /recommend.", FilmText(next), "How do you rate this movie?"],
            _chat.Texts(Ada).Skip(2));
        Assert.Equal($"rate:{next}:5", _chat.Telegram.BotMessages(Ada)[^1].Buttons[4].Data);
    }

    [Fact]
    public async Task Havent_seen_it_skips_the_movie_closes_the_question_and_offers_another_without_confirming_a_rating()
    {
        await _chat.UserSendsAsync(Ada, "/rate");
        var question = _chat.Telegram.BotMessages(Ada)[1];
        var film = _chat.MovieAskedAbout(Ada);

        await _chat.UserPressesAsync(Ada, "Haven't seen it");

        Assert.Empty(_chat.Ratings(Ada)!);
        Assert.Equal(BotTexts.English.Skipped, Assert.Single(_chat.Telegram.CallbackAnswers).Text);
        var closed = _chat.Telegram.BotMessages(Ada).Single(m => m.MessageId == question.MessageId);
        Assert.Equal("How do you rate this movie? You haven't seen it.", closed.Text);
        Assert.Empty(closed.Buttons);
        var next = _chat.MovieAskedAbout(Ada);
        Assert.NotEqual(film, next);
        Assert.Equal([FilmText(next), "How do you rate this movie?"], _chat.Texts(Ada).Skip(2));
        Assert.DoesNotContain(BotTexts.English.RatingReceived, _chat.Texts(Ada));
    }

    [Fact]
    public async Task A_skipped_film_is_never_offered_again()
    {
        await _chat.UserSendsAsync(Ada, "/rate");
        var skipped = new HashSet<int>();
        for (var press = 0; press < 6; press++)
        {
            skipped.Add(_chat.MovieAskedAbout(Ada));
            await _chat.UserPressesAsync(Ada, "Haven't seen it");
        }

        // Six films skipped of fourteen: every later offer is one of the other eight.
        for (var offer = 0; offer < 20; offer++)
        {
            await _chat.UserSendsAsync(Ada, "/rate");
            Assert.DoesNotContain(_chat.MovieAskedAbout(Ada), skipped);
        }
    }

    [Fact]
    public async Task The_countdown_stops_at_the_tenth_rating()
    {
        await _chat.UserSendsAsync(Ada, "/rate");
        for (var i = 0; i < 9; i++)
        {
            await _chat.UserPressesAsync(Ada, "3");
        }

        Assert.Equal("Rate 1 more movie to unlock /recommend.", _chat.Texts(Ada)[^3]);
        await _chat.UserPressesAsync(Ada, "3");

        Assert.Equal(10, _chat.Ratings(Ada)!.Count);
        Assert.Equal("Your rating is received!", _chat.Texts(Ada)[^3]);
    }

    [Fact]
    public async Task An_old_button_rates_the_movie_its_own_message_showed()
    {
        await _chat.UserSendsAsync(Ada, "/rate");
        var firstQuestion = _chat.Telegram.BotMessages(Ada)[1];
        var firstFilm = _chat.MovieAskedAbout(Ada);
        await _chat.UserSendsAsync(Ada, "/rate");

        await _chat.DeliverAsync(_chat.Telegram.UserPresses(Ada, firstQuestion.MessageId, "2"));

        Assert.Equal(new Dictionary<int, double> { [firstFilm] = 2 }, _chat.Ratings(Ada));
    }

    [Fact]
    public async Task Recommend_sends_each_of_three_movies_as_its_own_message_with_title_url_and_reason()
    {
        await RateAsync(Ada, Enumerable.Range(1, 10), stars: 4);

        await _chat.UserSendsAsync(Ada, "/recommend");

        // Worked by hand from Conversation's matrix (user u gives film f 1 + (f + u) % 5 stars): all
        // five users rated films 1–14, so all five are equally near neighbours, and each unrated film
        // (11–14) got 1, 2, 3, 4 and 5 stars from them: its evidence, similarity² × stars ÷ 5 summed, is
        // the same for all four, so any three of them may be listed (rounding decides). Each was rated
        // 3.0 on average by the five; the two who gave it 4 or 5 stars both also gave 4 or 5 to film 1
        // (for 11), 2 (for 12), 3 (for 13) and 4 (for 14), the lowest id among the shared favourites.
        var expected = Enumerable.Range(11, 4).ToDictionary(
            film => film,
            film => $"Film number {film} ({1980 + film})\nhttps://www.imdb.com/title/tt00000{film}/\n5 of the 5 people whose taste is closest to yours rated it, 3.0 stars on average; 2 of them also loved Film number {film - 10} ({1970 + film}), which you gave 4 stars.");
        var texts = _chat.Texts(Ada);
        Assert.Equal(3, texts.Count);
        Assert.Equal(3, texts.Distinct().Count());
        Assert.All(texts, text => Assert.Contains(text, expected.Values));
    }

    [Fact]
    public async Task Recommend_with_fewer_than_ten_ratings_sends_the_exact_sentence()
    {
        await _chat.UserSendsAsync(Ada, "/recommend");

        Assert.Equal(["You have not rated enough movies, we cannot generate recommendation for you"], _chat.Texts(Ada));
        Assert.NotNull(_chat.Ratings(Ada));
    }

    [Theory]
    [InlineData("/start@MovieRecTestBot")]
    [InlineData("/start@movierectestbot")]
    [InlineData("/START")]
    [InlineData("/start please")]
    public async Task Commands_work_with_this_bots_name_any_case_and_arguments(string text)
    {
        await _chat.UserSendsAsync(Ada, text);

        Assert.Equal(BotTexts.English.Welcome, _chat.Texts(Ada)[0]);
    }

    [Fact]
    public async Task Commands_addressed_to_another_bot_are_ignored_in_private_and_in_groups()
    {
        const long group = -1001234567890;
        await _chat.UserSendsAsync(Ada, "/start@SomeOtherBot");
        await _chat.MemberSendsAsync(group, Ada, "/rate@SomeOtherBot");

        Assert.Empty(_chat.Texts(Ada));
        Assert.Empty(_chat.Texts(group));
        Assert.Equal(0, _chat.Store.Calls);
    }

    [Theory]
    [InlineData("/help")]
    [InlineData("/unknown")]
    [InlineData("/")]
    public async Task Help_and_other_commands_get_the_command_list(string text)
    {
        await _chat.UserSendsAsync(Ada, text);

        var help = Assert.Single(_chat.Texts(Ada));
        Assert.Equal(BotTexts.English.Help, help);
        Assert.Contains("/rate", help, StringComparison.Ordinal);
        Assert.Contains("/recommend", help, StringComparison.Ordinal);
        Assert.Contains("/start", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sticker_gets_the_command_list()
    {
        await _chat.DeliverAsync(_chat.Telegram.UserSendsSticker(Ada));

        Assert.Equal([BotTexts.English.Help], _chat.Texts(Ada));
    }

    [Fact]
    public async Task An_edited_message_does_nothing()
    {
        await _chat.UserSendsAsync(Ada, "hello");
        var mine = 1;

        await _chat.DeliverAsync(_chat.Telegram.UserEdits(Ada, mine, "/start"));

        Assert.Equal([BotTexts.English.NothingFound("hello")], _chat.Texts(Ada));
        Assert.Equal(0, _chat.Store.Calls);
    }

    [Fact]
    public async Task In_a_group_plain_talk_is_ignored_and_rate_is_answered_with_a_link_to_the_private_chat()
    {
        const long group = -1001234567890;
        await _chat.MemberSendsAsync(group, Ada, "what shall we watch?");
        Assert.Empty(_chat.Texts(group));

        await _chat.MemberSendsAsync(group, Ada, "/rate@MovieRecTestBot");

        Assert.Equal([BotTexts.English.PersonalInPrivate], _chat.Texts(group));
        Assert.Equal(0, _chat.Store.Calls);
        Assert.Null(_chat.Ratings(group));
    }

    [Theory]
    [InlineData("like:1")] // a kind of button the bot never made
    [InlineData("rate:999:3")] // a film the catalog does not have
    public async Task A_rating_button_the_bot_did_not_make_is_answered_as_stale_and_rates_nothing(string forged)
    {
        await _chat.UserSendsAsync(Ada, "/rate");
        var question = _chat.Telegram.BotMessages(Ada)[1];
        var film = _chat.MovieAskedAbout(Ada);
        var update = _chat.Telegram.UserPresses(Ada, question.MessageId, "3").Replace($"\"rate:{film}:3\"", $"\"{forged}\"", StringComparison.Ordinal);

        await _chat.DeliverAsync(update);

        Assert.Equal(BotTexts.English.StaleButton, Assert.Single(_chat.Telegram.CallbackAnswers).Text);
        Assert.Empty(_chat.Ratings(Ada)!);
    }

    [Fact]
    public async Task A_store_outage_gets_the_user_a_short_apology_and_is_logged_with_the_update_id()
    {
        _chat.Store.Broken = true;
        var update = _chat.Telegram.UserSends(Ada, "/rate");
        var updateId = System.Text.Json.JsonDocument.Parse(update).RootElement.GetProperty("update_id").GetInt32();

        await _chat.DeliverAsync(update);

        Assert.Equal([BotTexts.English.Apology], _chat.Texts(Ada));
        Assert.Contains(_chat.Log.Lines, line => line.StartsWith("Error:", StringComparison.Ordinal) && line.Contains($"Update {updateId} failed", StringComparison.Ordinal));
        Assert.DoesNotContain(_chat.Log.Lines, line => line.Contains(BotApiEmulatorToken.Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failed_button_press_answers_the_query_and_the_chat_with_an_apology()
    {
        await _chat.UserSendsAsync(Ada, "/rate");
        _chat.Store.Broken = true;

        await _chat.UserPressesAsync(Ada, "5");

        Assert.Equal(BotTexts.English.Apology, Assert.Single(_chat.Telegram.CallbackAnswers).Text);
        Assert.Equal(BotTexts.English.Apology, _chat.Texts(Ada)[^1]);
    }

    [Fact]
    public async Task A_rate_limited_send_is_retried_after_retry_after()
    {
        _chat.Telegram.FailNext("sendMessage", 429, "Too Many Requests: retry after 1", retryAfter: 1);

        await _chat.UserSendsAsync(Ada, "/start");

        Assert.Equal([BotTexts.English.Welcome, BotTexts.English.HowToUse], _chat.Texts(Ada));
        Assert.Equal(3, _chat.Telegram.Calls.Count(c => c == $"sendMessage {Ada}"));
    }

    [Fact]
    public async Task With_every_movie_rated_rate_says_so()
    {
        await RateAsync(Ada, Conversation.Model.Catalog.Movies.Select(m => m.Id), stars: 3);

        await _chat.UserSendsAsync(Ada, "/rate");

        Assert.Equal([BotTexts.English.NothingLeftToRate], _chat.Texts(Ada));
    }

    [Fact]
    public async Task A_known_users_commands_and_presses_make_the_fewest_store_calls()
    {
        await _chat.UserSendsAsync(Ada, "/start");
        Assert.Equal(1, _chat.Store.Calls);

        // /rate: one read to pick an unrated movie. A press: the write, then one read that both
        // counts the ratings and picks the next movie. /recommend under 10 ratings: the read only.
        await CallsFor(() => _chat.UserSendsAsync(Ada, "/rate"), expected: 1);
        await CallsFor(() => _chat.UserPressesAsync(Ada, "4"), expected: 2);
        await CallsFor(() => _chat.UserSendsAsync(Ada, "/recommend"), expected: 1);
        await RateAsync(Ada, Enumerable.Range(1, 10), stars: 4);
        await CallsFor(() => _chat.UserSendsAsync(Ada, "/recommend"), expected: 1);
    }

    [Fact]
    public async Task A_press_from_a_chat_the_store_has_never_seen_registers_it_and_keeps_the_rating()
    {
        await _chat.UserSendsAsync(Ada, "/rate");
        var question = _chat.Telegram.BotMessages(Ada)[1];
        var film = _chat.MovieAskedAbout(Ada);
        const long stranger = 777;

        // The same button, pressed in a chat that never sent a command (a wiped store looks the same).
        await _chat.DeliverAsync(_chat.Telegram.UserPresses(Ada, question.MessageId, "5").Replace($"\"id\":{Ada}", $"\"id\":{stranger}", StringComparison.Ordinal));

        Assert.Equal(new Dictionary<int, double> { [film] = 5 }, _chat.Ratings(stranger));
    }

    private async Task CallsFor(Func<Task> step, int expected)
    {
        var before = _chat.Store.Calls;
        await step();
        Assert.Equal(expected, _chat.Store.Calls - before);
    }

    /// <summary>Registers the chat (if needed) and stores the ratings straight in the store.</summary>
    private async Task<Dictionary<int, double>> RateAsync(long chatId, IEnumerable<int> films, double stars)
    {
        var id = chatId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await _chat.Store.TryRegisterAsync(id, CancellationToken.None);
        var ratings = films.ToDictionary(f => f, _ => stars);
        foreach (var (film, given) in ratings)
        {
            await _chat.Store.SaveRatingAsync(id, film, given, CancellationToken.None);
        }

        return ratings;
    }

    private static string FilmText(int film) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Film number {film} ({1980 + film})\nhttps://www.imdb.com/title/tt{film:D7}/");
}

/// <summary>The part of the emulator's token after the colon: what must never reach a log.</summary>
internal static class BotApiEmulatorToken
{
    public static string Secret => Emulator.BotApiEmulator.Token[(Emulator.BotApiEmulator.Token.IndexOf(':', StringComparison.Ordinal) + 1)..];
}
