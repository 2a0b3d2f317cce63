using System.Globalization;
using MovieRec.Bot.Tests.Emulator;
using MovieRec.Domain;
using MovieRec.Service;
using MovieRec.Storage;

namespace MovieRec.Bot.Tests;

/// <summary>
/// Movie night in a group (contract revision 4), update by update through real Update JSON and the
/// update ledger: joining with 10 ratings, leaving, the films and the poll for everyone in, the vote
/// closed by whoever started it, the winner; stale, duplicate and racing presses acting once; a
/// second instance over the same stores continuing a night.
/// </summary>
public sealed class MovieNightTests : IDisposable
{
    private const long FilmClub = -1001234567890; // a supergroup
    private const long Neighbours = -4012345678; // a basic group
    private const long Ada = 101;
    private const long Bob = 102;
    private const long Cy = 103;
    private const long Dan = 104;
    private const string RateLink = "https://t.me/" + BotApiEmulator.BotUsername + "?start=rate";

    private readonly Conversation _chat = new(model: NightFilms.Model);

    public MovieNightTests()
    {
        NamePeople(_chat.Telegram);
    }

    public void Dispose() => _chat.Dispose();

    [Theory]
    [InlineData(FilmClub)]
    [InlineData(Neighbours)]
    public async Task Three_members_with_profiles_join_get_five_films_with_everyones_stars_vote_and_the_starter_closes_the_vote_on_the_winner(long group)
    {
        await ProfilesAsync(_chat);
        var night = await StartAsync(_chat, group, Ada);
        Assert.Equal(BotTexts.English.MovieNight("", [], NightStage.Open), night.Text);
        Assert.Equal([("I'm in", "night:join"), ("Pick for us", "night:pick")], night.Buttons);

        await PressAsync(_chat, group, Ada, night, BotTexts.English.ImIn);
        Assert.Contains("\nIn: Ada\n", NightText(group, night), StringComparison.Ordinal);
        await PressAsync(_chat, group, Bob, night, BotTexts.English.ImIn);
        await PressAsync(_chat, group, Cy, night, BotTexts.English.ImIn);
        Assert.Contains("\nIn: Ada, Bob and Cy\n", NightText(group, night), StringComparison.Ordinal);
        Assert.All(_chat.Telegram.CallbackAnswers, answer => Assert.Equal("You're in.", answer.Text));

        await PressAsync(_chat, group, Bob, night, BotTexts.English.PickForUs);

        var expected = await GroupFilmsAsync(_chat, [Ada, Bob, Cy], genre: null);
        var sent = _chat.Telegram.BotMessages(group);
        Assert.Equal(3, sent.Count);
        var films = sent[1];
        Assert.Equal(FilmsText(expected), films.Text);
        Assert.All(expected, f => Assert.DoesNotContain(f.Movie.Id, RatedBy(Ada).Concat(RatedBy(Bob)).Concat(RatedBy(Cy))));
        var poll = sent[2];
        Assert.Equal("Which film tonight?", poll.Poll!.Question);
        Assert.Equal(expected.Select(f => f.Movie.Title), poll.Poll.Options);
        Assert.True(poll.Poll.IsAnonymous);
        Assert.Equal(night.MessageId, poll.ReplyTo);
        Assert.Equal([("Close the vote", "night:close")], poll.Buttons);
        Assert.Equal(BotTexts.English.MovieNight("", ["Ada", "Bob", "Cy"], NightStage.Voting), NightText(group, night));
        Assert.Empty(Night(group, night).Buttons);

        // The poll's own updates (votes) change nothing: the bot reads the counts when the vote closes.
        await _chat.DeliverOnceAsync(_chat.Telegram.MemberVotes(group, Ada, poll.MessageId, 2));
        await _chat.DeliverOnceAsync(_chat.Telegram.MemberVotes(group, Bob, poll.MessageId, 2));
        await _chat.DeliverOnceAsync(_chat.Telegram.MemberVotes(group, Cy, poll.MessageId, 0));
        Assert.Equal(3, _chat.Telegram.BotMessages(group).Count);

        await PressAsync(_chat, group, Ada, poll, BotTexts.English.CloseTheVote);

        Assert.True(poll.Poll.IsClosed);
        Assert.Empty(_chat.Telegram.BotMessages(group)[2].Buttons);
        var winner = _chat.Telegram.BotMessages(group)[^1];
        Assert.Equal($"The vote is closed. Tonight's film, with 2 of 3 votes: {Card(expected[2].Movie)}", winner.Text);
        Assert.Equal(poll.MessageId, winner.ReplyTo);
        Assert.Equal(NightStage.Closed, (await StoredAsync(_chat, group, night))!.Stage);
    }

    [Fact]
    public async Task A_member_without_ten_ratings_gets_a_note_and_a_link_that_opens_the_private_chat_at_rate_and_stays_out()
    {
        await ProfilesAsync(_chat);
        await NightFilms.GiveProfileAsync(_chat.Service, Dan, [1, 2]);
        var night = await StartAsync(_chat, FilmClub, Ada);
        await PressAsync(_chat, FilmClub, Ada, night, BotTexts.English.ImIn);

        await PressAsync(_chat, FilmClub, Dan, night, BotTexts.English.ImIn);

        var answer = _chat.Telegram.CallbackAnswers[^1];
        Assert.Equal("Rate 10 films with me first (you have 2), then press I'm in again.", answer.Text);
        Assert.Equal(RateLink, answer.Url);
        Assert.Equal(Dan, answer.UserId);
        Assert.Equal([new NightMember(Ada, "Ada")], (await StoredAsync(_chat, FilmClub, night))!.Members);
        Assert.Contains("\nIn: Ada\n", NightText(FilmClub, night), StringComparison.Ordinal);

        // The link Telegram opens: the private chat, where /start rate asks for a rating at once.
        await _chat.DeliverOnceAsync(_chat.Telegram.UserOpensLink(Dan, answer.Url!));
        Assert.Equal(BotTexts.English.WelcomeBack, _chat.Texts(Dan)[0]);
        Assert.Equal(BotTexts.English.HowDoYouRate, _chat.Texts(Dan)[^1]);
    }

    [Fact]
    public async Task Someone_who_never_used_the_bot_is_told_to_rate_first_and_is_not_registered_by_the_press()
    {
        var night = await StartAsync(_chat, FilmClub, Ada);

        await PressAsync(_chat, FilmClub, Dan, night, BotTexts.English.ImIn);

        Assert.Equal(BotTexts.English.RateFirst(0), _chat.Telegram.CallbackAnswers[^1].Text);
        Assert.Null(_chat.Ratings(Dan));
        Assert.Empty((await StoredAsync(_chat, FilmClub, night))!.Members);
    }

    [Fact]
    public async Task Pressing_Im_in_again_leaves_and_the_message_lists_who_is_still_in()
    {
        await ProfilesAsync(_chat);
        var night = await StartAsync(_chat, FilmClub, Ada);
        await PressAsync(_chat, FilmClub, Ada, night, BotTexts.English.ImIn);
        await PressAsync(_chat, FilmClub, Bob, night, BotTexts.English.ImIn);

        await PressAsync(_chat, FilmClub, Ada, night, BotTexts.English.ImIn);

        Assert.Equal("You're out.", _chat.Telegram.CallbackAnswers[^1].Text);
        Assert.Equal([new NightMember(Bob, "Bob")], (await StoredAsync(_chat, FilmClub, night))!.Members);
        Assert.Equal(BotTexts.English.MovieNight("", ["Bob"], NightStage.Open), NightText(FilmClub, night));
    }

    [Fact]
    public async Task Pick_for_us_with_fewer_than_two_in_says_so_and_sends_nothing()
    {
        await ProfilesAsync(_chat);
        var night = await StartAsync(_chat, FilmClub, Ada);
        await PressAsync(_chat, FilmClub, Bob, night, BotTexts.English.PickForUs);
        await PressAsync(_chat, FilmClub, Ada, night, BotTexts.English.ImIn);

        await PressAsync(_chat, FilmClub, Ada, night, BotTexts.English.PickForUs);

        Assert.Equal([BotTexts.English.NeedTwo, BotTexts.English.YouAreIn, BotTexts.English.NeedTwo], _chat.Telegram.CallbackAnswers.Select(a => a.Text));
        Assert.Single(_chat.Telegram.BotMessages(FilmClub));
        Assert.Equal(NightStage.Open, (await StoredAsync(_chat, FilmClub, night))!.Stage);
    }

    [Fact]
    public async Task A_press_delivered_twice_is_acted_on_once()
    {
        await ProfilesAsync(_chat);
        var night = await StartAsync(_chat, FilmClub, Ada);
        var adaJoins = _chat.Telegram.MemberPresses(FilmClub, Ada, night.MessageId, BotTexts.English.ImIn);

        Assert.Equal(DeliveryOutcome.Handled, await _chat.DeliverOnceAsync(adaJoins));
        Assert.Equal(DeliveryOutcome.Duplicate, await _chat.DeliverOnceAsync(adaJoins));
        await PressAsync(_chat, FilmClub, Bob, night, BotTexts.English.ImIn);
        var pick = _chat.Telegram.MemberPresses(FilmClub, Bob, night.MessageId, BotTexts.English.PickForUs);
        await _chat.DeliverOnceAsync(pick);
        await _chat.DeliverOnceAsync(pick);

        // Ada is still in (a second act would have taken her out), and there is one poll.
        Assert.Equal([Ada, Bob], (await StoredAsync(_chat, FilmClub, night))!.Members.Select(m => m.UserId));
        Assert.Single(_chat.Telegram.BotMessages(FilmClub), m => m.Poll is not null);
    }

    [Fact]
    public async Task Stale_presses_a_join_or_pick_after_the_poll_and_a_second_close_are_answered_and_change_nothing()
    {
        var (night, poll) = await PickedAsync(_chat, FilmClub);
        var stored = await StoredAsync(_chat, FilmClub, night);

        // The night's buttons are gone from the message; an old client still sends their data.
        await _chat.DeliverOnceAsync(_chat.Telegram.MemberSendsCallbackData(FilmClub, Dan, night.MessageId, JoinNightPress.Data));
        await _chat.DeliverOnceAsync(_chat.Telegram.MemberSendsCallbackData(FilmClub, Bob, night.MessageId, JoinNightPress.Data));
        await _chat.DeliverOnceAsync(_chat.Telegram.MemberSendsCallbackData(FilmClub, Cy, night.MessageId, PickNightPress.Data));
        Assert.Equal([BotTexts.English.AlreadyPicked, BotTexts.English.AlreadyPicked, BotTexts.English.AlreadyPicked], _chat.Telegram.CallbackAnswers.TakeLast(3).Select(a => a.Text));
        Assert.Equal(stored!.Members, (await StoredAsync(_chat, FilmClub, night))!.Members);

        await PressAsync(_chat, FilmClub, Ada, poll, BotTexts.English.CloseTheVote);
        await _chat.DeliverOnceAsync(_chat.Telegram.MemberSendsCallbackData(FilmClub, Ada, poll.MessageId, CloseVotePress.Data));

        Assert.Equal(BotTexts.English.VoteAlreadyClosed, _chat.Telegram.CallbackAnswers[^1].Text);
        Assert.Single(_chat.Telegram.BotMessages(FilmClub), m => m.Poll is not null);
        Assert.Single(_chat.Telegram.BotMessages(FilmClub), m => m.Text?.StartsWith("The vote is closed", StringComparison.Ordinal) == true);
        Assert.Single(_chat.Telegram.Calls, call => call.StartsWith("stopPoll", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_whoever_started_the_night_may_close_the_vote()
    {
        var (_, poll) = await PickedAsync(_chat, FilmClub);

        await PressAsync(_chat, FilmClub, Bob, poll, BotTexts.English.CloseTheVote);

        var answer = _chat.Telegram.CallbackAnswers[^1];
        Assert.Equal("Only Ada, who started this movie night, can close the vote.", answer.Text);
        Assert.True(answer.ShowAlert);
        Assert.False(poll.Poll!.IsClosed);
        Assert.DoesNotContain(_chat.Telegram.Calls, call => call.StartsWith("stopPoll", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_tie_goes_to_the_film_ranked_higher_for_the_group()
    {
        var (_, poll) = await PickedAsync(_chat, FilmClub);
        _chat.Telegram.MemberVotes(FilmClub, Ada, poll.MessageId, 3);
        _chat.Telegram.MemberVotes(FilmClub, Bob, poll.MessageId, 1);

        await PressAsync(_chat, FilmClub, Ada, poll, BotTexts.English.CloseTheVote);

        var second = FilmTitled(poll.Poll!.Options[1]);
        Assert.Equal($"The vote is closed: a tie at 1 vote each, so the group's higher-ranked film wins: {Card(second)}", _chat.Texts(FilmClub)[^1]);
    }

    [Fact]
    public async Task With_no_votes_the_groups_top_pick_wins()
    {
        var (_, poll) = await PickedAsync(_chat, FilmClub);

        await PressAsync(_chat, FilmClub, Ada, poll, BotTexts.English.CloseTheVote);

        var first = FilmTitled(poll.Poll!.Options[0]);
        Assert.Equal($"The vote is closed. Nobody voted, so the group's top pick wins: {Card(first)}", _chat.Texts(FilmClub)[^1]);
    }

    [Fact]
    public async Task A_member_who_is_no_longer_ready_when_the_films_are_picked_is_named_and_taken_off_the_list()
    {
        await ProfilesAsync(_chat);
        var night = await StartAsync(_chat, FilmClub, Ada);
        foreach (var member in new[] { Ada, Bob, Cy })
        {
            await PressAsync(_chat, FilmClub, member, night, BotTexts.English.ImIn);
        }

        await _chat.Service.ForgetAsync("103", CancellationToken.None);
        await PressAsync(_chat, FilmClub, Ada, night, BotTexts.English.PickForUs);

        Assert.Equal("Cy no longer has 10 ratings with me, so I took them off the list. Press Pick for us again.", _chat.Texts(FilmClub)[^1]);
        Assert.Equal(BotTexts.English.MovieNight("", ["Ada", "Bob"], NightStage.Open), NightText(FilmClub, night));
        Assert.DoesNotContain(_chat.Telegram.BotMessages(FilmClub), m => m.Poll is not null);

        // The night is open again: the two who are ready get their films.
        await PressAsync(_chat, FilmClub, Ada, night, BotTexts.English.PickForUs);
        Assert.Single(_chat.Telegram.BotMessages(FilmClub), m => m.Poll is not null);
    }

    [Fact]
    public async Task A_second_instance_over_the_same_stores_continues_the_night_the_first_started()
    {
        using var other = _chat.SecondInstance();
        await ProfilesAsync(_chat);
        var night = await StartAsync(_chat, FilmClub, Ada);

        await PressAsync(_chat, FilmClub, Ada, night, BotTexts.English.ImIn);
        await PressAsync(other, FilmClub, Bob, night, BotTexts.English.ImIn);
        await PressAsync(_chat, FilmClub, Cy, night, BotTexts.English.ImIn);
        Assert.Contains("\nIn: Ada, Bob and Cy\n", NightText(FilmClub, night), StringComparison.Ordinal);
        await PressAsync(other, FilmClub, Cy, night, BotTexts.English.PickForUs);
        var poll = _chat.Telegram.BotMessages(FilmClub).Single(m => m.Poll is not null);
        await PressAsync(_chat, FilmClub, Cy, night, BotTexts.English.PickForUs, viaData: true);
        _chat.Telegram.MemberVotes(FilmClub, Bob, poll.MessageId, 4);
        await PressAsync(other, FilmClub, Ada, poll, BotTexts.English.CloseTheVote);

        Assert.Equal(BotTexts.English.AlreadyPicked, _chat.Telegram.CallbackAnswers[^2].Text);
        var fifth = FilmTitled(poll.Poll!.Options[4]);
        Assert.Equal($"The vote is closed. Tonight's film, with 1 of 1 vote: {Card(fifth)}", _chat.Texts(FilmClub)[^1]);
        Assert.Single(_chat.Telegram.BotMessages(FilmClub), m => m.Poll is not null);
    }

    [Fact]
    public async Task A_join_that_loses_a_race_to_another_instances_join_is_decided_again_and_both_are_in()
    {
        var nights = new RacingNightStore();
        using var chat = new Conversation(model: NightFilms.Model, nights: nights);
        NamePeople(chat.Telegram);
        using var other = chat.SecondInstance();
        await ProfilesAsync(chat);
        var night = await StartAsync(chat, FilmClub, Ada);
        var bobJoins = chat.Telegram.MemberPresses(FilmClub, Bob, night.MessageId, BotTexts.English.ImIn);
        // Between Ada's read and her write, Bob's press on the other instance writes first.
        nights.BeforeNextReplace = () => other.DeliverOnceAsync(bobJoins);

        await PressAsync(chat, FilmClub, Ada, night, BotTexts.English.ImIn);

        Assert.Equal(1, nights.Conflicts);
        Assert.Equal([Bob, Ada], (await StoredAsync(chat, FilmClub, night))!.Members.Select(m => m.UserId));
        Assert.Equal(BotTexts.English.MovieNight("", ["Bob", "Ada"], NightStage.Open), NightText(chat, FilmClub, night));
    }

    [Fact]
    public async Task A_night_is_full_at_ten()
    {
        var people = Enumerable.Range(0, 11).Select(n => 200L + n).ToList();
        foreach (var person in people)
        {
            await NightFilms.GiveProfileAsync(_chat.Service, person, Enumerable.Range(1, 10));
        }

        var night = await StartAsync(_chat, FilmClub, people[0]);
        foreach (var person in people)
        {
            await PressAsync(_chat, FilmClub, person, night, BotTexts.English.ImIn);
        }

        Assert.Equal("This movie night is full: I pick for 10 people at most.", _chat.Telegram.CallbackAnswers[^1].Text);
        Assert.Equal(people.Take(10), (await StoredAsync(_chat, FilmClub, night))!.Members.Select(m => m.UserId));
    }

    [Fact]
    public async Task A_genre_night_picks_films_of_that_genre_and_an_unknown_genre_gets_the_list_and_no_night()
    {
        await ProfilesAsync(_chat);
        await _chat.MemberSendsAsync(FilmClub, Ada, "/movienight westerns");
        Assert.Equal(BotTexts.English.UnknownGenre("westerns", _chat.Service.Genres.Names), Assert.Single(_chat.Texts(FilmClub)));
        Assert.Empty(_chat.Telegram.BotMessages(FilmClub)[0].Buttons);

        var night = await StartAsync(_chat, FilmClub, Ada, "/movienight@MovieRecTestBot comedy");
        await PressAsync(_chat, FilmClub, Ada, night, BotTexts.English.ImIn);
        await PressAsync(_chat, FilmClub, Bob, night, BotTexts.English.ImIn);
        await PressAsync(_chat, FilmClub, Ada, night, BotTexts.English.PickForUs);

        Assert.StartsWith("Movie night! Who's in?\nGenre: Comedy\n", NightText(FilmClub, night), StringComparison.Ordinal);
        var options = _chat.Telegram.BotMessages(FilmClub).Single(m => m.Poll is not null).Poll!.Options;
        var expected = await GroupFilmsAsync(_chat, [Ada, Bob], "Comedy");
        Assert.Equal(expected.Select(f => f.Movie.Title), options);
        Assert.All(options, title => Assert.Contains("Comedy", NightFilms.GenresOf(FilmTitled(title).Id), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_genre_with_no_film_left_that_nobody_in_has_rated_says_so_and_the_night_is_open_again()
    {
        var sciFi = Enumerable.Range(1, NightFilms.Count).Where(film => NightFilms.GenresOf(film) == "Sci-Fi").ToList();
        await NightFilms.GiveProfileAsync(_chat.Service, Ada, sciFi);
        await NightFilms.GiveProfileAsync(_chat.Service, Bob, RatedBy(Bob));
        var night = await StartAsync(_chat, FilmClub, Ada, "/movienight sci-fi");
        await PressAsync(_chat, FilmClub, Ada, night, BotTexts.English.ImIn);
        await PressAsync(_chat, FilmClub, Bob, night, BotTexts.English.ImIn);

        await PressAsync(_chat, FilmClub, Bob, night, BotTexts.English.PickForUs);

        Assert.Equal(10, sciFi.Count);
        Assert.Equal("There is no Sci-Fi film left that none of you has rated or skipped. Try /movienight without a genre.", _chat.Texts(FilmClub)[^1]);
        Assert.Equal(NightStage.Open, (await StoredAsync(_chat, FilmClub, night))!.Stage);
        Assert.Equal([("I'm in", "night:join"), ("Pick for us", "night:pick")], Night(FilmClub, night).Buttons);
    }

    [Fact]
    public async Task When_one_film_is_left_for_everyone_it_is_the_film_without_a_vote()
    {
        var sciFi = Enumerable.Range(1, NightFilms.Count).Where(film => NightFilms.GenresOf(film) == "Sci-Fi").ToList();
        await NightFilms.GiveProfileAsync(_chat.Service, Ada, sciFi.Take(9).Append(1));
        await NightFilms.GiveProfileAsync(_chat.Service, Bob, RatedBy(Bob).Where(film => film != sciFi[^1]));
        var night = await StartAsync(_chat, FilmClub, Ada, "/movienight Sci-Fi");
        await PressAsync(_chat, FilmClub, Ada, night, BotTexts.English.ImIn);
        await PressAsync(_chat, FilmClub, Bob, night, BotTexts.English.ImIn);

        await PressAsync(_chat, FilmClub, Bob, night, BotTexts.English.PickForUs);

        Assert.Equal($"Only one film fits all of you, so no vote: {Card(FilmTitled(NightFilms.TitleOf(sciFi[^1])))}", _chat.Texts(FilmClub)[^1]);
        Assert.DoesNotContain(_chat.Telegram.BotMessages(FilmClub), m => m.Poll is not null);
        Assert.Equal(NightStage.Closed, (await StoredAsync(_chat, FilmClub, night))!.Stage);
        Assert.Empty(Night(FilmClub, night).Buttons);
    }

    [Fact]
    public async Task Movienight_for_another_bot_is_left_alone_and_in_a_private_chat_it_says_it_is_for_groups()
    {
        await _chat.MemberSendsAsync(FilmClub, Ada, "/movienight@OtherBot");
        await _chat.UserSendsAsync(Ada, "/movienight");

        Assert.Empty(_chat.Texts(FilmClub));
        Assert.Equal([BotTexts.English.MovieNightInGroups], _chat.Texts(Ada));
    }

    [Fact]
    public async Task A_night_button_under_a_message_with_no_night_or_in_a_private_chat_acts_on_nothing()
    {
        await _chat.MemberSendsAsync(FilmClub, Ada, "/help");
        var help = _chat.Telegram.BotMessages(FilmClub)[0];
        await _chat.UserSendsAsync(Ada, "/help");

        await _chat.DeliverOnceAsync(_chat.Telegram.MemberSendsCallbackData(FilmClub, Ada, help.MessageId, JoinNightPress.Data));
        await _chat.DeliverOnceAsync(_chat.Telegram.MemberSendsCallbackData(FilmClub, Ada, help.MessageId, CloseVotePress.Data));
        await _chat.DeliverOnceAsync(_chat.Telegram.UserSendsCallbackData(Ada, _chat.Telegram.BotMessages(Ada)[0].MessageId, JoinNightPress.Data));

        Assert.Equal([BotTexts.English.NightOver, BotTexts.English.NightOver, BotTexts.English.StaleButton], _chat.Telegram.CallbackAnswers.Select(a => a.Text));
        Assert.Single(_chat.Texts(FilmClub));
    }

    [Fact]
    public void The_films_message_for_ten_members_with_the_longest_names_and_titles_fits_one_telegram_message_uncut()
    {
        var longest = new Movie(1, new string('T', 160) + " (1990)", "Action|Adventure|Comedy|Crime|Drama|Film-Noir|Horror|Mystery|Thriller|Western", 1234567);
        var stars = BotTexts.MembersStars(Enumerable.Range(0, 10).Select(n => (new string('N', 64), 4.25)));
        var reason = "The best the group has left: 4.5 stars predicted on average, though one of you is predicted 2.1; 10 of the 10 of you have it among your own top 100 picks.";

        var text = BotTexts.English.FilmsForTheGroup(10, Enumerable.Repeat((longest, stars, reason), MovieNightHandler.FilmCount));

        Assert.True(text.Length <= BotApiEmulator.MaxTextLength, $"{text.Length} characters");
        Assert.DoesNotContain("…\n", text, StringComparison.Ordinal);
        Assert.EndsWith(reason, text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_poll_option_is_the_title_cut_to_telegrams_100_characters()
    {
        var title = "Dragon Ball Z the Movie: The World's Strongest (a.k.a. Dragon Ball Z: The Strongest Guy in The World) (Doragon bôru Z: Kono yo de ichiban tsuyoi yatsu) (1990)";

        var option = BotTexts.PollOption(new Movie(1, title, "Animation", null));

        Assert.Equal(100, option.Length);
        Assert.Equal(title[..99] + "…", option);
        Assert.Equal("Heat (1995)", BotTexts.PollOption(new Movie(6, "Heat (1995)", "Action", 113277)));
    }

    [Theory]
    [InlineData(new[] { 0, 2, 2, 1 }, 1, 2, true)]
    [InlineData(new[] { 1, 3, 0 }, 1, 3, false)]
    [InlineData(new[] { 0, 0, 0, 0, 0 }, 0, 0, true)]
    [InlineData(new[] { 0, 0, 0, 0, 1 }, 4, 1, false)]
    public void The_winner_has_the_most_votes_and_a_tie_goes_to_the_first_option(int[] votes, int option, int most, bool tie) =>
        Assert.Equal(new NightWinner(option, most, tie), NightWinner.Of(votes));

    private static void NamePeople(BotApiEmulator telegram)
    {
        telegram.NameUser(Ada, "Ada");
        telegram.NameUser(Bob, "Bob");
        telegram.NameUser(Cy, "Cy");
        telegram.NameUser(Dan, "Dan");
    }

    /// <summary>Ada, Bob and Cy, ten ratings each of overlapping films; thirty of the forty films none of them rated.</summary>
    private static async Task ProfilesAsync(Conversation chat)
    {
        await NightFilms.GiveProfileAsync(chat.Service, Ada, RatedBy(Ada));
        await NightFilms.GiveProfileAsync(chat.Service, Bob, RatedBy(Bob));
        await NightFilms.GiveProfileAsync(chat.Service, Cy, RatedBy(Cy));
    }

    private static IEnumerable<int> RatedBy(long person) => Enumerable.Range(1 + (2 * (int)(person - Ada)), 10);

    private static async Task<EmulatedMessage> StartAsync(Conversation chat, long group, long starter, string command = "/movienight")
    {
        await chat.DeliverOnceAsync(chat.Telegram.GroupMemberSends(group, starter, command));
        return chat.Telegram.BotMessages(group)[^1];
    }

    /// <summary>Presses a button under a message; with <paramref name="viaData"/>, its data even though the button is gone (an old client).</summary>
    private static async Task PressAsync(Conversation chat, long group, long member, EmulatedMessage message, string label, bool viaData = false)
    {
        var data = label == BotTexts.English.ImIn ? JoinNightPress.Data
            : label == BotTexts.English.PickForUs ? PickNightPress.Data
            : CloseVotePress.Data;
        await chat.DeliverOnceAsync(viaData
            ? chat.Telegram.MemberSendsCallbackData(group, member, message.MessageId, data)
            : chat.Telegram.MemberPresses(group, member, message.MessageId, label));
    }

    /// <summary>Ada's night in the group with Ada, Bob and Cy in and the films picked: the night's message and the poll.</summary>
    private static async Task<(EmulatedMessage Night, EmulatedMessage Poll)> PickedAsync(Conversation chat, long group)
    {
        await ProfilesAsync(chat);
        var night = await StartAsync(chat, group, Ada);
        foreach (var member in new[] { Ada, Bob, Cy })
        {
            await PressAsync(chat, group, member, night, BotTexts.English.ImIn);
        }

        await PressAsync(chat, group, Bob, night, BotTexts.English.PickForUs);
        return (night, chat.Telegram.BotMessages(group).Single(m => m.Poll is not null));
    }

    private static async Task<IReadOnlyList<GroupFilm>> GroupFilmsAsync(Conversation chat, long[] members, string? genre) =>
        Assert.IsType<GroupFilms>(await chat.Service.RecommendGroupAsync(
            [.. members.Select(m => m.ToString(CultureInfo.InvariantCulture))], MovieNightHandler.FilmCount, genre is null ? [] : [genre], CancellationToken.None)).Films;

    /// <summary>The films message as docs/api.md describes it, written out here: each film numbered, its card, the members' stars, the reason.</summary>
    private static string FilmsText(IReadOnlyList<GroupFilm> films) =>
        "Films for the 3 of you, best for all of you first:\n\n" + string.Join("\n\n", films.Select((f, at) =>
            string.Create(CultureInfo.InvariantCulture, $"{at + 1}. {Card(f.Movie)}\n")
            + string.Join(" · ", f.Members.Select((m, i) => string.Create(CultureInfo.InvariantCulture, $"{new[] { "Ada", "Bob", "Cy" }[i]} {m.Stars:0.0}★")))
            + $"\n{f.Reason}"));

    /// <summary>A film as a message shows it, written out from the test catalog.</summary>
    private static string Card(Movie movie) =>
        $"{NightFilms.TitleOf(movie.Id)}\n{NightFilms.GenresOf(movie.Id).Replace("|", ", ", StringComparison.Ordinal)}\nhttps://www.imdb.com/title/tt{movie.Id:D7}/";

    private static Movie FilmTitled(string title) => NightFilms.Model.Catalog.Movies.Single(m => m.Title == title);

    private EmulatedMessage Night(long group, EmulatedMessage night) => _chat.Telegram.BotMessages(group).Single(m => m.MessageId == night.MessageId);

    private string? NightText(long group, EmulatedMessage night) => NightText(_chat, group, night);

    private static string? NightText(Conversation chat, long group, EmulatedMessage night) =>
        chat.Telegram.BotMessages(group).Single(m => m.MessageId == night.MessageId).Text;

    private static async Task<MovieNight?> StoredAsync(Conversation chat, long group, EmulatedMessage night) =>
        (await chat.Nights.GetAsync(group, night.MessageId, CancellationToken.None))?.Night;

    /// <summary>The in-memory night store, with a rival write slipped in before the next replacement.</summary>
    private sealed class RacingNightStore : IMovieNightStore
    {
        private readonly InMemoryMovieNightStore _inner = new();

        public Func<Task>? BeforeNextReplace { get; set; }

        public int Conflicts { get; private set; }

        public Task<bool> TryStartAsync(MovieNight night, CancellationToken cancellationToken) => _inner.TryStartAsync(night, cancellationToken);

        public Task<VersionedNight?> GetAsync(long chatId, int messageId, CancellationToken cancellationToken) => _inner.GetAsync(chatId, messageId, cancellationToken);

        public async Task<VersionedNight?> TryReplaceAsync(VersionedNight current, MovieNight next, CancellationToken cancellationToken)
        {
            if (BeforeNextReplace is { } rival)
            {
                BeforeNextReplace = null;
                await rival();
            }

            var replaced = await _inner.TryReplaceAsync(current, next, cancellationToken);
            Conflicts += replaced is null ? 1 : 0;
            return replaced;
        }

        public Task<int> SweepAsync(DateTimeOffset olderThan, CancellationToken cancellationToken) => _inner.SweepAsync(olderThan, cancellationToken);
    }
}
