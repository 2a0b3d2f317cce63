using System.Text.Json;

namespace MovieRec.Api;

// The contract's requests, typed. Each reads itself from the JSON body with the contract's rules
// and messages (RequestFields); anything off is a ContractException, which the endpoint answers 400.
// Read takes the chat from the body (a key holder's call); For is given it (the Mini App's signed
// person) and reads the rest the same way.

/// <summary>/register and /get_unrated_movie: who is asking.</summary>
public sealed record ChatRequest(string ChatId)
{
    public static ChatRequest Read(JsonElement? body) => new(RequestFields.ChatId(body));
}

/// <summary>/rate_movie and /rate.</summary>
public sealed record RateRequest(string ChatId, int MovieId, double Rating)
{
    public static RateRequest Read(JsonElement? body) => For(RequestFields.ChatId(body), body);

    public static RateRequest For(string chatId, JsonElement? body) => new(chatId, RequestFields.MovieId(body), RequestFields.Rating(body));
}

/// <summary>/recommend; top_n defaults to 3; genres (names as the client wrote them) none.</summary>
public sealed record RecommendRequest(string ChatId, int TopN, IReadOnlyList<string> Genres)
{
    public static RecommendRequest Read(JsonElement? body) => For(RequestFields.ChatId(body), body);

    public static RecommendRequest For(string chatId, JsonElement? body) => new(chatId, RequestFields.TopN(body), RequestFields.Genres(body));
}

/// <summary>/search_movies: limit 1–20, default 5; chat_id optional.</summary>
public sealed record SearchRequest(string Query, int Limit, string? ChatId)
{
    public const int MaxLimit = 20;

    public static SearchRequest Read(JsonElement? body)
    {
        var query = RequestFields.Query(body);
        var limit = LimitOf(body);
        return new(query, limit, RequestFields.OptionalChatId(body));
    }

    public static SearchRequest For(string chatId, JsonElement? body) => new(RequestFields.Query(body), LimitOf(body), chatId);

    private static int LimitOf(JsonElement? body) => RequestFields.WholeNumber(body, "limit", 1, MaxLimit, 5);
}

/// <summary>/my_ratings: offset 0 and up, limit 1–100, default 20.</summary>
public sealed record MyRatingsRequest(string ChatId, int Offset, int Limit)
{
    public static MyRatingsRequest Read(JsonElement? body) => For(RequestFields.ChatId(body), body);

    public static MyRatingsRequest For(string chatId, JsonElement? body) =>
        new(chatId, RequestFields.WholeNumber(body, "offset", 0, int.MaxValue, 0), RequestFields.WholeNumber(body, "limit", 1, 100, 20));
}

/// <summary>/unrate_movie: the rating or skip to take back.</summary>
public sealed record UnrateRequest(string ChatId, int MovieId)
{
    public static UnrateRequest Read(JsonElement? body) => For(RequestFields.ChatId(body), body);

    public static UnrateRequest For(string chatId, JsonElement? body) => new(chatId, RequestFields.MovieId(body));
}

/// <summary>/skip_movie: the user has not seen this movie.</summary>
public sealed record SkipRequest(string ChatId, int MovieId)
{
    public static SkipRequest Read(JsonElement? body) => For(RequestFields.ChatId(body), body);

    public static SkipRequest For(string chatId, JsonElement? body) => new(chatId, RequestFields.MovieId(body));
}
