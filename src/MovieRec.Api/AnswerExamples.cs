namespace MovieRec.Api;

/// <summary>One answer of each kind, as docs/api.md shows them: the examples of /openapi.json, typed so each is a valid answer.</summary>
internal static class AnswerExamples
{
    private static readonly DateTimeOffset Morning = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    public static readonly RegisterAnswer Registered = new(0);

    public static readonly MovieAnswer Movie = new(1, "Toy Story (1995)", "https://www.imdb.com/title/tt0114709/");

    public static readonly RateAnswer Rated = new("success", 10);

    public static readonly RateAnswer Unrated = new("success", 9);

    public static readonly SkipAnswer Skipped = new("success");

    public static readonly ForgetAnswer Forgotten = new("success");

    public static readonly RecommendAnswer Recommended = new(
    [
        new RecommendedMovieAnswer(
            1198,
            "Raiders of the Lost Ark (Indiana Jones and the Raiders of the Lost Ark) (1981)",
            "https://www.imdb.com/title/tt0082971/",
            4.61,
            "31 of the 50 people whose taste is closest to yours rated it, 4.4 stars on average.",
            1981,
            ["Action", "Adventure"]),
    ]);

    public static readonly RecommendGroupAnswer GroupRecommended = new(
    [
        new GroupFilmAnswer(
            5952,
            "Lord of the Rings: The Two Towers, The (2002)",
            "https://www.imdb.com/title/tt0167261/",
            2002,
            ["Adventure", "Fantasy"],
            4.42,
            [new MemberScoreAnswer("42", 4.52), new MemberScoreAnswer("43", 4.28), new MemberScoreAnswer("44", 4.44)],
            "Nobody is predicted below 4.3 stars (4.4 on average), and all 3 of you have it among your own top 100 picks."),
    ]);

    public static readonly SearchAnswer Found = new(
        [new FoundMovieAnswer(2571, "Matrix, The (1999)", 1999, "https://www.imdb.com/title/tt0133093/", ["Action", "Sci-Fi", "Thriller"], 5, null)]);

    public static readonly MyRatingsAnswer MyRatings = new(12, [new GivenRatingAnswer(1, "Toy Story (1995)", "https://www.imdb.com/title/tt0114709/", 4.5, Morning)]);

    public static readonly HealthAnswer Health = new("ok", 9742, 612, 100856, 2, 3, Morning.AddMinutes(5), Morning.AddSeconds(1), 412);

    public static readonly WebhookAnswer Webhook = new("handled");

    public static readonly MiniAppMeAnswer SignedIn = new(3, ["Action", "Comedy"]);

    public static readonly MiniAppTextsAnswer Texts = new(
        "ru", new Dictionary<string, string> { ["NavRate"] = "Оценить", ["Stars"] = "{0} из 5 звёзд" }, new Dictionary<string, string> { ["Comedy"] = "Comedy" });
}
