using MovieRec.Testing;

namespace MovieRec.Domain.Tests;

/// <summary>The person's language: which tag means which language, counted words, and the reasons and genres in each language, worked out by hand.</summary>
public class LanguageTests
{
    private static readonly MovieCatalog Catalog = TinyMatrix.CatalogOf(TinyMatrix.FiveUsers());

    [Theory]
    [InlineData("ru", "ru")]
    [InlineData("ru-RU", "ru")]
    [InlineData("RU", "ru")]
    [InlineData("zh-hant", "zh-TW")]
    [InlineData("zh_Hant", "zh-TW")]
    [InlineData("zh-Hant-TW", "zh-TW")]
    [InlineData("zh-HK", "zh-TW")]
    [InlineData("zh-tw", "zh-TW")]
    [InlineData("zh-MO", "zh-TW")]
    [InlineData("zh", "en")]
    [InlineData("zh-cn", "en")]
    [InlineData("zh-Hans", "en")]
    [InlineData("zh-Hans-HK", "en")]
    [InlineData("en", "en")]
    [InlineData("uk", "en")]
    [InlineData("de-DE", "en")]
    [InlineData("", "en")]
    [InlineData(null, "en")]
    public void A_language_tag_picks_Russian_Traditional_Chinese_or_else_English(string? tag, string language) =>
        Assert.Equal(language, PersonLanguage.Of(tag).Name);

    [Theory]
    [InlineData(1, "One")]
    [InlineData(2, "Few")]
    [InlineData(4, "Few")]
    [InlineData(5, "Many")]
    [InlineData(11, "Many")]
    [InlineData(12, "Many")]
    [InlineData(14, "Many")]
    [InlineData(21, "One")]
    [InlineData(22, "Few")]
    [InlineData(25, "Many")]
    [InlineData(111, "Many")]
    [InlineData(0, "Many")]
    public void Russian_counts_take_one_few_or_many_by_their_last_digits(int count, string form) =>
        Assert.Equal(form, CountForm.Of(count, PersonLanguage.Russian));

    [Fact]
    public void English_counts_are_one_only_for_one_and_Chinese_counts_never_change()
    {
        Assert.Equal(["One", "Many", "Many"], new[] { 1, 2, 21 }.Select(n => CountForm.Of(n, PersonLanguage.English)));
        Assert.Equal(["Many", "Many", "Many"], new[] { 1, 2, 21 }.Select(n => CountForm.Of(n, PersonLanguage.TraditionalChinese)));
    }

    [Fact]
    public void A_reason_naming_a_shared_favourite_reads_in_each_language()
    {
        // 2 of 3 neighbours rated it, 5.0 on average; one of them also loved Movie 1, which the person gave 5.
        var reason = new RecommendationReason(new RecommendationEvidence(3, 2, 5.0, [new SharedFavourite(1, 5, 1)], 2, 5.0), Catalog);

        Assert.Equal(
            "2 of the 3 people whose taste is closest to yours rated it, 5.0 stars on average; one of them also loved Movie 1 (1999), which you gave 5 stars.",
            reason.Text());
        Assert.Equal(
            "2 из 3 человек, чей вкус ближе всего к вашему, оценили этот фильм, в среднем на 5.0 звезды; один из них тоже в восторге от фильма «Movie 1 (1999)», которому вы поставили 5 из 5.",
            reason.Text(PersonLanguage.Russian));
        Assert.Equal(
            "與你口味最接近的 3 人中，有 2 人評過這部片，平均 5.0 顆星；其中一人也很喜歡你給了 5 顆星的《Movie 1 (1999)》。",
            reason.Text(PersonLanguage.TraditionalChinese));
    }

    [Fact]
    public void A_Russian_reason_agrees_with_its_counts()
    {
        // 21 neighbours (genitive "человека"), 1 of them rated it (singular verb); 21 MovieLens members did elsewhere (nominative "участник").
        Assert.Equal(
            "1 из 21 человека, чей вкус ближе всего к вашему, оценил этот фильм, в среднем на 4.0 звезды.",
            new RecommendationReason(new RecommendationEvidence(21, 1, 4.0, [], 7, 3.5), Catalog).Text(PersonLanguage.Russian));
        Assert.Equal(
            "Никто из 5 человек, чей вкус ближе всего к вашему, ещё не оценил этот фильм, но в MovieLens его оценили 22 участника, в среднем на 3.5 звезды.",
            new RecommendationReason(new RecommendationEvidence(5, 0, 0, [], 22, 3.5), Catalog).Text(PersonLanguage.Russian));
        Assert.Equal(
            "2 из 3 человек, чей вкус ближе всего к вашему, оценили этот фильм, в среднем на 4.5 звезды; 2 из них тоже в восторге от фильма «Movie 1 (1999)», которому вы поставили 4.5 из 5.",
            new RecommendationReason(new RecommendationEvidence(3, 2, 4.5, [new SharedFavourite(1, 4.5, 2)], 2, 5.0), Catalog).Text(PersonLanguage.Russian));
    }

    [Fact]
    public void A_group_reason_reads_in_each_language()
    {
        // Three members predicted 3.5, 4.0 and 4.5: nobody below 3.5, 4.0 on average; two of the three have it in their own top 100.
        var reason = new GroupReason(new GroupPick(7, [3.5, 4.0, 4.5], 2));

        Assert.Equal("Nobody is predicted below 3.5 stars (4.0 on average), and 2 of the 3 of you have it among your own top 100 picks.", reason.Text());
        Assert.Equal("Ни у кого прогноз не ниже 3.5 звезды (в среднем 4.0), и он есть в личном топ-100 у 2 из 3 участников.", reason.Text(PersonLanguage.Russian));
        Assert.Equal("每個人的預測都不低於 3.5 顆星（平均 4.0 顆），而且你們 3 位之中有 2 位把它列在自己的前 100 名推薦裡。", reason.Text(PersonLanguage.TraditionalChinese));
    }

    [Fact]
    public void A_language_MovieRec_does_not_speak_gets_the_English_reason()
    {
        var reason = new GroupReason(new GroupPick(7, [2.5, 4.5], 2));

        Assert.Equal(
            "The best the group has left: 3.5 stars predicted on average, though one of you is predicted 2.5; both of you have it among your own top 100 picks.",
            reason.Text(System.Globalization.CultureInfo.GetCultureInfo("de")));
    }

    [Theory]
    [InlineData("Sci-Fi", "Sci-Fi", "Фантастика", "科幻")]
    [InlineData("Comedy", "Comedy", "Комедия", "喜劇")]
    [InlineData("Film-Noir", "Film-Noir", "Нуар", "黑色電影")]
    [InlineData("Made-Up", "Made-Up", "Made-Up", "Made-Up")]
    public void A_genre_reads_in_each_language_and_an_unknown_one_as_MovieLens_spells_it(string genre, string english, string russian, string chinese)
    {
        Assert.Equal(english, GenreNames.In(genre));
        Assert.Equal(russian, GenreNames.In(genre, PersonLanguage.Russian));
        Assert.Equal(chinese, GenreNames.In(genre, PersonLanguage.TraditionalChinese));
    }

    [Fact]
    public void A_films_genres_read_in_its_order()
    {
        var film = new Movie(1, "Alien (1979)", "Horror|Sci-Fi", 78748);

        Assert.Equal(["Ужасы", "Фантастика"], GenreNames.Of(film, PersonLanguage.Russian));
        Assert.Equal(["恐怖", "科幻"], GenreNames.Of(film, PersonLanguage.TraditionalChinese));
    }

    [Theory]
    [InlineData("ReasonTexts.resx")]
    [InlineData("GenreNames.resx")]
    public void Every_text_has_every_language_with_the_same_placeholders(string file) =>
        Assert.Empty(ResxFiles.ProblemsOf(Path.Combine(Repository.Root, "src", "MovieRec.Domain", file)));
}
