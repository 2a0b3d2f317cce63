using System.Text.RegularExpressions;
using MovieRec.Storage;
using MovieRec.Testing;

namespace MovieRec.Bot.Tests;

/// <summary>
/// The person's language, through the emulator: a Russian-speaking and a Traditional-Chinese-speaking
/// person (their updates carry from.language_code) start, rate by pressing buttons and get picks,
/// each in their own language, with no English sentence of Texts.resx or ReasonTexts.resx left in.
/// </summary>
public sealed partial class LanguageTests : IDisposable
{
    private const long Ada = 4242;
    private readonly Conversation _chat = new();

    public void Dispose() => _chat.Dispose();

    [Fact]
    public async Task A_Russian_speaking_person_starts_rates_and_gets_picks_in_Russian()
    {
        _chat.Telegram.SetLanguage(Ada, "ru");

        await _chat.UserSendsAsync(Ada, "/start");
        Assert.Equal(
            ["Добро пожаловать!", "Отправьте /rate и оцените несколько фильмов от 1 до 5. После 10 оценок /recommend подберёт для вас три фильма."],
            _chat.Texts(Ada));

        await _chat.UserSendsAsync(Ada, "/rate");
        var question = _chat.Telegram.BotMessages(Ada)[^1];
        Assert.Equal("Как вы оцените этот фильм?", question.Text);
        Assert.Equal("Не смотрел", question.Buttons[5].Label);

        await _chat.UserPressesAsync(Ada, "4");
        Assert.Equal("Оценка: 4 из 5", _chat.Telegram.CallbackAnswers[^1].Text);
        Assert.Equal("Как вы оцените этот фильм? Ваша оценка: 4 из 5.", _chat.Telegram.BotMessages(Ada).Single(m => m.MessageId == question.MessageId).Text);
        Assert.Contains("Ваша оценка принята!", _chat.Texts(Ada));
        Assert.Contains("Оцените ещё 9 фильмов, чтобы открыть /recommend.", _chat.Texts(Ada));

        await RateTheRestAsync();
        Assert.Contains("Оцените ещё 2 фильма, чтобы открыть /recommend.", _chat.Texts(Ada));
        Assert.Contains("Оцените ещё 1 фильм, чтобы открыть /recommend.", _chat.Texts(Ada));

        var picks = await RecommendAsync();
        // Every film was rated by all five MovieLens users of the test matrix, 1 to 5 stars: 5 of 5, 3.0 on average.
        Assert.All(picks, pick =>
        {
            Assert.Contains("\n5 из 5 человек, чей вкус ближе всего к вашему, оценили этот фильм, в среднем на 3.0 звезды; ", pick.Text, StringComparison.Ordinal);
            Assert.Contains("тоже в восторге от фильма «Film number ", pick.Text, StringComparison.Ordinal);
            Assert.EndsWith("», которому вы поставили 4 из 5.", pick.Text, StringComparison.Ordinal);
            Assert.Equal(["Смотрел: оценить", "Не интересно"], pick.Buttons.Take(2).Select(b => b.Label));
        });

        AssertNoEnglishIn(Said());
    }

    [Fact]
    public async Task A_Traditional_Chinese_speaking_person_starts_rates_and_gets_picks_in_Traditional_Chinese()
    {
        _chat.Telegram.SetLanguage(Ada, "zh-hant");

        await _chat.UserSendsAsync(Ada, "/start");
        Assert.Equal(["歡迎！", "傳送 /rate，為幾部電影打 1 到 5 分。評滿 10 部之後，/recommend 就會為你挑出三部電影。"], _chat.Texts(Ada));

        await _chat.UserSendsAsync(Ada, "/rate");
        var question = _chat.Telegram.BotMessages(Ada)[^1];
        Assert.Equal("你會給這部電影幾分？", question.Text);
        Assert.Equal("沒看過", question.Buttons[5].Label);

        await _chat.UserPressesAsync(Ada, "4");
        Assert.Equal("已評 4 分（滿分 5 分）", _chat.Telegram.CallbackAnswers[^1].Text);
        Assert.Equal("你會給這部電影幾分？你給了 4 分（滿分 5 分）。", _chat.Telegram.BotMessages(Ada).Single(m => m.MessageId == question.MessageId).Text);
        Assert.Contains("已收到你的評分！", _chat.Texts(Ada));
        Assert.Contains("再評 9 部電影就能使用 /recommend。", _chat.Texts(Ada));

        await RateTheRestAsync();
        Assert.Contains("再評 1 部電影就能使用 /recommend。", _chat.Texts(Ada));

        var picks = await RecommendAsync();
        Assert.All(picks, pick =>
        {
            Assert.Contains("\n與你口味最接近的 5 人中，有 5 人評過這部片，平均 3.0 顆星；", pick.Text, StringComparison.Ordinal);
            Assert.Contains("也很喜歡你給了 4 顆星的《Film number ", pick.Text, StringComparison.Ordinal);
            Assert.Equal(["看過：評分", "沒興趣"], pick.Buttons.Take(2).Select(b => b.Label));
        });

        AssertNoEnglishIn(Said());
    }

    [Theory]
    [InlineData("zh-cn")]
    [InlineData("zh")]
    [InlineData("de")]
    [InlineData(null)]
    public async Task A_person_whose_language_MovieRec_does_not_speak_is_answered_in_English(string? languageCode)
    {
        _chat.Telegram.SetLanguage(Ada, languageCode);

        await _chat.UserSendsAsync(Ada, "/start");

        Assert.Equal(["Welcome!", BotTexts.English.HowToUse], _chat.Texts(Ada));
    }

    [Fact]
    public void A_movie_night_started_in_Traditional_Chinese_reads_in_it_with_the_genre_translated() =>
        Assert.Equal(
            "電影之夜！誰要參加？\n類型：喜劇\n參加者：Ada、Bob 和 Cy\n有 10 筆評分的人都能參加；兩人以上，我就為你們所有人挑片。",
            BotTexts.TraditionalChinese.MovieNight("Comedy", ["Ada", "Bob", "Cy"], NightStage.Open));

    [Fact]
    public void A_Russian_vote_counts_its_votes_in_Russian()
    {
        var film = new Domain.Movie(1, "Heat (1995)", "Action|Crime", 113277);

        Assert.Equal(
            "Голосование завершено. Фильм вечера получил 2 из 5 голосов: Heat (1995)\nБоевик, Криминал\nhttps://www.imdb.com/title/tt0113277/",
            BotTexts.Russian.Winner(film, votes: 2, voters: 5, tie: false));
        Assert.StartsWith("Голосование завершено: ничья, 1 голос у каждого,", BotTexts.Russian.Winner(film, votes: 1, voters: 2, tie: true), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_bot_text_has_every_language_with_the_same_placeholders() =>
        Assert.Empty(ResxFiles.ProblemsOf(Path.Combine(Repository.Root, "src", "MovieRec.Bot", "Texts.resx")));

    /// <summary>Presses 4 on each film offered until ten are rated.</summary>
    private async Task RateTheRestAsync()
    {
        while (_chat.Ratings(Ada)!.Count < 10)
        {
            await _chat.UserPressesAsync(Ada, "4");
        }
    }

    private async Task<IReadOnlyList<Emulator.EmulatedMessage>> RecommendAsync()
    {
        var before = _chat.Telegram.BotMessages(Ada).Count;
        await _chat.UserSendsAsync(Ada, "/recommend");
        var picks = _chat.Telegram.BotMessages(Ada).Skip(before).ToList();
        Assert.Equal(3, picks.Count);
        return picks;
    }

    /// <summary>Everything the bot showed Ada: messages as they now read, button labels, answers to presses.</summary>
    private List<string> Said() =>
    [
        .. _chat.Telegram.BotMessages(Ada).Select(m => m.Text ?? ""),
        .. _chat.Telegram.BotMessages(Ada).SelectMany(m => m.Buttons.Select(b => b.Label)),
        .. _chat.Telegram.CallbackAnswers.Select(a => a.Text ?? ""),
    ];

    /// <summary>
    /// No English text of the bot or of the reasons shows up: each English text is cut at its
    /// placeholders, and every piece of eight characters or more must appear nowhere.
    /// </summary>
    private static void AssertNoEnglishIn(IReadOnlyList<string> said)
    {
        var english = ResxFiles.Read(Path.Combine(Repository.Root, "src", "MovieRec.Bot", "Texts.resx")).Values
            .Concat(ResxFiles.Read(Path.Combine(Repository.Root, "src", "MovieRec.Domain", "ReasonTexts.resx")).Values)
            .SelectMany(text => Placeholder().Split(text))
            .Where(piece => piece.Trim().Length >= 8)
            .Distinct()
            .ToList();
        Assert.NotEmpty(english);
        var leaks = said.SelectMany(text => english.Where(piece => text.Contains(piece, StringComparison.Ordinal)).Select(piece => $"\u201c{piece}\u201d in \u201c{text}\u201d")).ToList();
        Assert.Empty(leaks);
    }

    [GeneratedRegex(@"\{\d+(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();
}
