using System.Globalization;
using System.Text.Json.Nodes;
using MovieRec.Bot.Tests.Emulator;
using MovieRec.Domain;

namespace MovieRec.Bot.Tests;

/// <summary>
/// Inline mode (contract revision 4) through real inline_query updates, answered as the emulator
/// accepts only what Telegram accepts: "@bot words" is the title search, "@bot" alone the person's
/// picks or the most widely rated films; every answer personal and cached briefly; and the Share
/// button under a private recommendation that opens the inline query for that film.
/// </summary>
public sealed class InlineModeTests : IDisposable
{
    private const long Ada = 101;
    private const long Eve = 105;
    private const long FilmClub = -1001234567890;

    private readonly Conversation _chat = new(model: NightFilms.Model);

    public InlineModeTests() => _chat.Telegram.InlineMode = true;

    public void Dispose() => _chat.Dispose();

    [Fact]
    public async Task Words_answer_the_title_search_each_film_a_shareable_message_with_the_persons_own_rating_personal_and_cached_for_30_seconds()
    {
        await NightFilms.GiveProfileAsync(_chat.Service, Ada, Enumerable.Range(1, 10));

        await _chat.DeliverOnceAsync(_chat.Telegram.UserQueriesInline(Ada, "night film 3", chatType: "group"));

        var answer = Assert.Single(_chat.Telegram.InlineAnswers);
        Assert.True(answer.IsPersonal);
        Assert.Equal(30, answer.CacheTime);
        Assert.Null(answer.Button);
        var found = await _chat.Service.SearchAsync("night film 3", InlineQueryHandler.ResultCount, chatId: null, CancellationToken.None);
        Assert.Equal(found.Select(f => f.Movie.Id.ToString(CultureInfo.InvariantCulture)), answer.Results.Select(r => (string?)r["id"]));
        Assert.Equal(3, Id(answer.Results[0]));
        // Film 3 is Ada's third rating (4 stars); films she has not rated carry no personal line.
        Assert.Equal(Card(3) + "\nYou rated it 4★", MessageText(answer.Results[0]));
        Assert.All(answer.Results.Where(r => Id(r) > 10), r => Assert.Equal(Card(Id(r)), MessageText(r)));
        Assert.All(answer.Results, r => Assert.Equal(NightFilms.TitleOf(Id(r)), (string?)r["title"]));
    }

    [Fact]
    public async Task No_words_from_someone_with_ten_ratings_answer_their_own_picks_each_with_For_you_and_their_predicted_stars()
    {
        await NightFilms.GiveProfileAsync(_chat.Service, Ada, Enumerable.Range(1, 10));

        await _chat.DeliverOnceAsync(_chat.Telegram.UserQueriesInline(Ada, ""));

        var answer = Assert.Single(_chat.Telegram.InlineAnswers);
        Assert.True((await _chat.Service.RecommendAsync("101", InlineQueryHandler.ResultCount, CancellationToken.None)).TryGet(out var picks));
        Assert.Equal(picks.Select(p => p.Movie.Id), answer.Results.Select(Id));
        Assert.Equal(
            picks.Select(p => Card(p.Movie.Id) + string.Create(CultureInfo.InvariantCulture, $"\nFor you: {p.Score:0.0}★")),
            answer.Results.Select(MessageText));
        Assert.All(answer.Results, r => Assert.True(Id(r) > 10, "a film Ada rated"));
        Assert.True(answer.IsPersonal);
        Assert.Null(answer.Button);
    }

    [Fact]
    public async Task No_words_from_someone_without_picks_answer_the_most_widely_rated_films_and_a_button_to_rate_in_the_private_chat()
    {
        await _chat.DeliverOnceAsync(_chat.Telegram.UserQueriesInline(Eve, "   "));

        var answer = Assert.Single(_chat.Telegram.InlineAnswers);
        var mostRated = NightFilms.Ratings.GroupBy(r => r.Film).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Take(10).Select(g => g.Key);
        Assert.Equal(mostRated, answer.Results.Select(Id));
        Assert.All(answer.Results, r => Assert.Equal(Card(Id(r)), MessageText(r)));
        Assert.Equal("Rate 10 films for picks of your own", (string?)answer.Button!["text"]);
        Assert.Equal("rate", (string?)answer.Button["start_parameter"]);
        Assert.Null(_chat.Ratings(Eve));
    }

    [Fact]
    public async Task A_search_that_finds_nothing_is_answered_with_no_results()
    {
        await _chat.DeliverOnceAsync(_chat.Telegram.UserQueriesInline(Eve, "zzzqqq"));

        Assert.Empty(Assert.Single(_chat.Telegram.InlineAnswers).Results);
    }

    [Fact]
    public async Task Under_each_private_recommendation_Share_opens_the_inline_query_for_that_film_which_the_person_can_send_to_a_group()
    {
        await NightFilms.GiveProfileAsync(_chat.Service, Ada, Enumerable.Range(1, 10));
        await _chat.MemberSendsAsync(FilmClub, Eve, "/help");
        await _chat.UserSendsAsync(Ada, "/recommend");

        var recommendations = _chat.Telegram.BotMessages(Ada);
        Assert.Equal(UpdateHandler.RecommendationCount, recommendations.Count);
        foreach (var recommendation in recommendations)
        {
            var film = int.Parse(recommendation.Buttons[0].Data!.Split(':')[1], CultureInfo.InvariantCulture);
            var share = recommendation.ReplyMarkup!["inline_keyboard"]![1]![0]!;
            Assert.Equal("Share", (string?)share["text"]);
            Assert.Equal(NightFilms.TitleOf(film), (string?)share["switch_inline_query"]);
        }

        var first = recommendations[0];
        var firstFilm = int.Parse(first.Buttons[0].Data!.Split(':')[1], CultureInfo.InvariantCulture);
        await _chat.DeliverOnceAsync(_chat.Telegram.UserPressesSwitchInline(Ada, Ada, first.MessageId, "Share", chosenChatType: "supergroup"));
        var answer = Assert.Single(_chat.Telegram.InlineAnswers);
        Assert.Equal(firstFilm, Id(answer.Results[0]));

        await _chat.DeliverOnceAsync(_chat.Telegram.UserSendsInlineResult(FilmClub, Ada, answer.QueryId, answer.Results[0]["id"]!.GetValue<string>()));
        Assert.Contains($"Ada (via @{BotApiEmulator.BotUsername}): {NightFilms.TitleOf(firstFilm)}", _chat.Telegram.Transcript(FilmClub), StringComparison.Ordinal);
        // The shared message is the members' talk, not a command: the bot says nothing to it.
        Assert.Single(_chat.Texts(FilmClub));
    }

    [Fact]
    public async Task Without_inline_mode_a_recommendation_has_no_Share_button()
    {
        using var chat = new Conversation(model: NightFilms.Model);
        await NightFilms.GiveProfileAsync(chat.Service, Ada, Enumerable.Range(1, 10));

        await chat.UserSendsAsync(Ada, "/recommend");

        Assert.All(chat.Telegram.BotMessages(Ada), m => Assert.Equal([BotTexts.English.SeenItRate, BotTexts.English.NotInterested], m.Buttons.Select(b => b.Label)));
    }

    private static int Id(JsonObject result) => int.Parse((string)result["id"]!, CultureInfo.InvariantCulture);

    private static string? MessageText(JsonObject result) => (string?)result["input_message_content"]!["message_text"];

    private static string Card(int film) =>
        $"{NightFilms.TitleOf(film)}\n{NightFilms.GenresOf(film).Replace("|", ", ", StringComparison.Ordinal)}\nhttps://www.imdb.com/title/tt{film:D7}/";
}
