using System.Globalization;
using MovieRec.Bot.Tests.Emulator;

namespace MovieRec.Bot.Tests;

/// <summary>
/// "A profile is a person" (contract revision 4): ratings, skips, write limits and recommendations
/// belong to the Telegram user, in whichever chat they write or press; a group gets no profile of its
/// own, only a link to the private chat. Real Update JSON for basic groups, -100… supergroups and
/// several members in one chat.
/// </summary>
public sealed class ProfileIsAPersonTests : IDisposable
{
    private const long Ada = 4242;
    private const long Bob = 5151;
    private const long FilmClub = -1001234567890; // a supergroup
    private const long Neighbours = -4012345678; // a basic group
    private const string LinkBase = "https://t.me/" + BotApiEmulator.BotUsername + "?start=";

    private static readonly long[] FiveGroups = [FilmClub, Neighbours, -1009876543210, -4087654321, -1005555555555];

    private readonly Conversation _chat = new();

    public void Dispose() => _chat.Dispose();

    [Fact]
    public async Task One_account_in_five_groups_sending_rate_and_pressing_rating_buttons_keeps_exactly_one_profile()
    {
        foreach (var group in FiveGroups)
        {
            await _chat.MemberSendsAsync(group, Ada, "/rate");
            var oldQuestion = _chat.Telegram.BotSentEarlier(group, BotTexts.English.HowDoYouRate, OldRatingKeyboard(film: 7));
            await _chat.DeliverAsync(_chat.Telegram.MemberPresses(group, Ada, oldQuestion, "5"));
        }

        // The link each group got, followed: "/start rate" in the private chat, then three presses there.
        await _chat.UserSendsAsync(Ada, "/start rate");
        var ratedInPrivate = new Dictionary<int, double>();
        for (var press = 0; press < 3; press++)
        {
            ratedInPrivate[_chat.MovieAskedAbout(Ada)] = 4;
            await _chat.UserPressesAsync(Ada, "4");
        }

        Assert.Equal(["4242"], _chat.Profiles());
        Assert.Equal(ratedInPrivate, _chat.Ratings(Ada));
        Assert.All(FiveGroups, group => Assert.Equal([BotTexts.English.PersonalInPrivate, BotTexts.English.HowDoYouRate], _chat.Texts(group)));
    }

    [Theory]
    [InlineData("/start", "start")]
    [InlineData("/rate", "rate")]
    [InlineData("/rate@MovieRecTestBot", "rate")]
    [InlineData("/recommend", "recommend")]
    [InlineData("/recommend comedy", "recommend")]
    [InlineData("/ratings", "ratings")]
    [InlineData("/forget", "forget")]
    [InlineData("/app", "app")]
    public async Task A_personal_command_in_a_group_answers_with_a_button_that_opens_the_private_chat_at_that_command(string command, string payload)
    {
        await _chat.MemberSendsAsync(FilmClub, Ada, command);

        var answer = Assert.Single(_chat.Telegram.BotMessages(FilmClub));
        Assert.Equal(BotTexts.English.PersonalInPrivate, answer.Text);
        var button = answer.ReplyMarkup!["inline_keyboard"]![0]![0]!;
        Assert.Equal(LinkBase + payload, (string?)button["url"]);
        Assert.Null(button["callback_data"]);
        Assert.Equal(0, _chat.Store.Calls);
    }

    [Fact]
    public async Task A_members_forget_in_a_group_deletes_nobodys_data_and_answers_with_the_private_chat_link()
    {
        await RatedInPrivateAsync(Ada, 3);
        await RatedInPrivateAsync(Bob, 2);
        await _chat.MemberSendsAsync(FilmClub, Ada, "/rate");
        var changes = _chat.Store.Changes;

        await _chat.MemberSendsAsync(FilmClub, Bob, "/forget");
        var link = _chat.Telegram.BotMessages(FilmClub)[^1];
        // A modified client presses the confirmation's data under the link.
        await _chat.DeliverAsync(_chat.Telegram.MemberSendsCallbackData(FilmClub, Bob, link.MessageId, "forget:yes"));

        Assert.Equal(BotTexts.English.PersonalInPrivate, link.Text);
        Assert.Equal(LinkBase + "forget", (string?)link.ReplyMarkup!["inline_keyboard"]![0]![0]!["url"]);
        Assert.Equal(BotTexts.English.ButtonInPrivateChat(BotApiEmulator.BotUsername), _chat.Telegram.CallbackAnswers[^1].Text);
        Assert.Equal(changes, _chat.Store.Changes);
        Assert.Equal(["4242", "5151"], _chat.Profiles());
        Assert.Equal(3, _chat.Ratings(Ada)!.Count);
        Assert.Equal(2, _chat.Ratings(Bob)!.Count);
    }

    [Theory]
    [InlineData("4")]
    [InlineData("Haven't seen it")]
    public async Task Another_members_press_on_an_old_question_in_a_group_is_refused_with_a_pointer_to_the_private_chat(string label)
    {
        await RatedInPrivateAsync(Ada, 3);
        var adasQuestion = _chat.Telegram.BotSentEarlier(FilmClub, BotTexts.English.HowDoYouRate, OldRatingKeyboard(film: 9));
        await _chat.MemberSendsAsync(FilmClub, Bob, "hello");
        var changes = _chat.Store.Changes;
        var adasRatings = _chat.Ratings(Ada);

        await _chat.DeliverAsync(_chat.Telegram.MemberPresses(FilmClub, Bob, adasQuestion, label));

        var answer = _chat.Telegram.CallbackAnswers[^1];
        Assert.Equal("Ratings are personal, so this button works in a private chat only. Open @MovieRecTestBot to rate.", answer.Text);
        Assert.True(answer.ShowAlert);
        Assert.Equal(changes, _chat.Store.Changes);
        Assert.Equal(adasRatings, _chat.Ratings(Ada));
        Assert.Null(_chat.Ratings(Bob));
        Assert.Null(_chat.Ratings(FilmClub));
        // Nothing posted to the group, and the old question is left as it was.
        Assert.Equal([BotTexts.English.HowDoYouRate], _chat.Texts(FilmClub));
        Assert.Equal(6, _chat.Telegram.BotMessages(FilmClub).Single().Buttons.Count);
    }

    [Theory]
    [InlineData("unrate:1")]
    [InlineData("ratings:10")]
    [InlineData("movie:3")]
    public async Task A_press_on_an_old_ratings_list_in_a_group_shows_and_changes_nobodys_ratings(string data)
    {
        await RatedInPrivateAsync(Ada, 3);
        var oldList = _chat.Telegram.BotSentEarlier(FilmClub, "Your ratings, newest first (1–3 of 3):", [("Remove", "unrate:1")]);
        var changes = _chat.Store.Changes;

        await _chat.DeliverAsync(_chat.Telegram.MemberSendsCallbackData(FilmClub, Ada, oldList, data));

        Assert.Equal(BotTexts.English.ButtonInPrivateChat(BotApiEmulator.BotUsername), _chat.Telegram.CallbackAnswers[^1].Text);
        Assert.Equal(changes, _chat.Store.Changes);
        Assert.Equal(["Your ratings, newest first (1–3 of 3):"], _chat.Texts(FilmClub));
    }

    [Fact]
    public async Task A_persons_writes_in_private_and_group_chats_share_one_budget_and_other_people_keep_theirs()
    {
        using var chat = new Conversation(personWritesPerMinute: 3);
        await chat.UserSendsAsync(Ada, "/rate");
        var inClub = chat.Telegram.BotSentEarlier(FilmClub, BotTexts.English.HowDoYouRate, OldRatingKeyboard(film: 11));
        var inNeighbours = chat.Telegram.BotSentEarlier(Neighbours, BotTexts.English.HowDoYouRate, OldRatingKeyboard(film: 12));

        // Ada presses alternately in her private chat and in two groups: seven presses, three allowed.
        await chat.UserPressesAsync(Ada, "4");
        await chat.DeliverAsync(chat.Telegram.MemberPresses(FilmClub, Ada, inClub, "5"));
        await chat.UserPressesAsync(Ada, "4");
        await chat.DeliverAsync(chat.Telegram.MemberPresses(Neighbours, Ada, inNeighbours, "5"));
        await chat.UserPressesAsync(Ada, "4");
        await chat.DeliverAsync(chat.Telegram.MemberPresses(FilmClub, Ada, inClub, "Haven't seen it"));
        await chat.UserPressesAsync(Ada, "4");

        var stored = chat.Profiles().Select(id => chat.Store.GetRatingsAsync(id, CancellationToken.None).Result!).ToList();
        Assert.Equal(3, stored.Sum(user => user.StarsByMovie.Count + user.Skipped.Count));
        Assert.Equal(["4242"], chat.Profiles());
        Assert.Equal(BotTexts.English.SlowDown, chat.Telegram.CallbackAnswers[^1].Text);

        // Bob, in the same groups, has a budget of his own.
        await chat.UserSendsAsync(Bob, "/rate");
        await chat.UserPressesAsync(Bob, "2");
        Assert.Single(chat.Ratings(Bob)!);
    }

    [Fact]
    public async Task Start_with_the_rate_payload_in_private_registers_and_asks_for_a_rating_straight_away()
    {
        await _chat.UserSendsAsync(Ada, "/start rate");

        var film = _chat.MovieAskedAbout(Ada);
        Assert.Equal([BotTexts.English.Welcome, FilmText(film), BotTexts.English.HowDoYouRate], _chat.Texts(Ada));
        Assert.Equal(["4242"], _chat.Profiles());
    }

    public static TheoryData<string, string?> StartPayloads => new()
    {
        { "/start ratings", BotTexts.English.NoRatings },
        { "/start recommend", BotTexts.English.NotEnoughRatings },
        { "/start forget", BotTexts.English.ForgetQuestion },
        { "/start app", BotTexts.English.MiniAppNotSetUp },
        { "/start start", null },
        { "/start somethingelse", null },
    };

    [Theory]
    [MemberData(nameof(StartPayloads))]
    public async Task Start_with_a_payload_goes_to_that_command_after_the_welcome_and_an_unknown_one_is_a_plain_start(string text, string? then)
    {
        await _chat.UserSendsAsync(Ada, text);

        Assert.Equal([BotTexts.English.Welcome, then ?? BotTexts.English.HowToUse], _chat.Texts(Ada));
        Assert.NotNull(_chat.Ratings(Ada));
    }

    [Fact]
    public async Task In_a_group_help_is_answered_and_commands_of_no_bot_in_particular_or_of_another_bot_are_left_alone()
    {
        await _chat.MemberSendsAsync(Neighbours, Ada, "/unknown");
        await _chat.MemberSendsAsync(Neighbours, Ada, "/rate@OtherBot");
        await _chat.MemberSendsAsync(Neighbours, Ada, "matrix");
        Assert.Empty(_chat.Texts(Neighbours));

        await _chat.MemberSendsAsync(Neighbours, Ada, "/help");
        await _chat.MemberSendsAsync(Neighbours, Bob, "/unknown@MovieRecTestBot");

        Assert.Equal([BotTexts.English.Help, BotTexts.English.Help], _chat.Texts(Neighbours));
        Assert.Equal(0, _chat.Store.Calls);
    }

    [Fact]
    public async Task The_bots_username_is_asked_of_telegram_once_for_all_links_and_name_checks()
    {
        foreach (var group in FiveGroups)
        {
            await _chat.MemberSendsAsync(group, Ada, "/rate@MovieRecTestBot");
            await _chat.MemberSendsAsync(group, Bob, "/ratings");
        }

        await _chat.UserSendsAsync(Ada, "/start@MovieRecTestBot");

        Assert.Single(_chat.Telegram.Calls, call => call == "getMe");
        Assert.All(FiveGroups, group => Assert.Equal(2, _chat.Texts(group).Count));
    }

    /// <summary>A person rates this many films in their private chat, by pressing the buttons.</summary>
    private async Task RatedInPrivateAsync(long person, int films)
    {
        await _chat.UserSendsAsync(person, "/rate");
        for (var press = 0; press < films; press++)
        {
            await _chat.UserPressesAsync(person, "3");
        }
    }

    /// <summary>The rating keyboard as the contract spells its data, for questions an earlier bot left in a group.</summary>
    private static (string Label, string Data)[] OldRatingKeyboard(int film) =>
    [
        .. Enumerable.Range(1, 5).Select(stars => (stars.ToString(CultureInfo.InvariantCulture), $"rate:{film}:{stars}")),
        ("Haven't seen it", $"skip:{film}"),
    ];

    private static string FilmText(int film) =>
        string.Create(CultureInfo.InvariantCulture, $"Film number {film} ({1980 + film})\nhttps://www.imdb.com/title/tt{film:D7}/");
}
