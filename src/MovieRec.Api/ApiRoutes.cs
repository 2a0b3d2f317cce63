namespace MovieRec.Api;

/// <summary>
/// Every route MovieRec serves, declared once. The standalone host maps <see cref="All"/>; each
/// Azure Function names its route with these constants (attributes need constants), and a test
/// checks the Worker SDK's functions.metadata against <see cref="All"/>.
/// </summary>
public static class ApiRoutes
{
    public const string Register = "register";
    public const string GetUnratedMovie = "get_unrated_movie";
    public const string RateMovie = "rate_movie";
    public const string Rate = "rate";
    public const string Recommend = "recommend";
    public const string Health = "health";
    public const string TelegramWebhook = "telegram/webhook";

    public static IReadOnlyList<ApiRoute> All { get; } =
    [
        new("POST", Register, typeof(RegisterHandler)),
        new("POST", GetUnratedMovie, typeof(GetUnratedMovieHandler)),
        new("POST", RateMovie, typeof(RateMovieHandler)),
        new("POST", Rate, typeof(RateMovieHandler)),
        new("POST", Recommend, typeof(RecommendHandler)),
        new("GET", Health, typeof(HealthHandler)),
        new("POST", TelegramWebhook, typeof(TelegramWebhookHandler)),
    ];
}

/// <summary>One route: its method, its path (no leading slash, no prefix) and the handler that answers it.</summary>
public sealed record ApiRoute(string Method, string Path, Type Handler);
