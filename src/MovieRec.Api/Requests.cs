using System.Text.Json;

namespace MovieRec.Api;

// The requests of docs/api.md, typed. Each reads itself from the JSON body with the rules there
// and messages (RequestFields): a request, or the refusal the endpoint answers with its 4xx.
// Read takes the chat from the body (a key holder's call); For is given it (the Mini App's signed
// person) and reads the rest the same way.

/// <summary>/register, /get_unrated_movie and /forget (and the Mini App's me, offer and forget): who is asking.</summary>
public sealed record ChatRequest(string ChatId)
{
    public static Parsed<ChatRequest> Read(JsonElement? body) =>
        RequestFields.ChatId(body).TryGet(out var chatId, out var refusal) ? new ChatRequest(chatId) : refusal;

    /// <summary>The Mini App's sign-in, offer and forget: the signed person; nothing else of the body is read.</summary>
    public static Parsed<ChatRequest> For(string chatId, JsonElement? body) => new ChatRequest(chatId);
}

/// <summary>/rate_movie and /rate.</summary>
public sealed record RateRequest(string ChatId, int MovieId, double Rating)
{
    public static Parsed<RateRequest> Read(JsonElement? body) => RequestFields.WithChat(body, For);

    public static Parsed<RateRequest> For(string chatId, JsonElement? body)
    {
        if (!RequestFields.MovieId(body).TryGet(out var movieId, out var refusal) || !RequestFields.Rating(body).TryGet(out var rating, out refusal))
        {
            return refusal;
        }

        return new RateRequest(chatId, movieId, rating);
    }
}

/// <summary>/recommend; top_n defaults to 3; genres (names as the client wrote them) none.</summary>
public sealed record RecommendRequest(string ChatId, int TopN, IReadOnlyList<string> Genres)
{
    public static Parsed<RecommendRequest> Read(JsonElement? body) => RequestFields.WithChat(body, For);

    public static Parsed<RecommendRequest> For(string chatId, JsonElement? body)
    {
        if (!RequestFields.TopN(body).TryGet(out var topN, out var refusal) || !RequestFields.Genres(body).TryGet(out var genres, out refusal))
        {
            return refusal;
        }

        return new RecommendRequest(chatId, topN, genres);
    }
}

/// <summary>/search_movies: limit 1–20, default 5; chat_id optional.</summary>
public sealed record SearchRequest(string Query, int Limit, string? ChatId)
{
    public const int MaxLimit = 20;

    public const int DefaultLimit = 5;

    public static Parsed<SearchRequest> Read(JsonElement? body) =>
        RequestFields.OptionalChatId(body).TryGet(out var chatId, out var refusal) ? For(chatId, body) : refusal;

    public static Parsed<SearchRequest> For(string? chatId, JsonElement? body)
    {
        if (!RequestFields.Query(body).TryGet(out var query, out var refusal)
            || !RequestFields.WholeNumber(body, "limit", 1, MaxLimit, DefaultLimit).TryGet(out var limit, out refusal))
        {
            return refusal;
        }

        return new SearchRequest(query, limit, chatId);
    }
}

/// <summary>/my_ratings: offset 0 and up, limit 1–100, default 20.</summary>
public sealed record MyRatingsRequest(string ChatId, int Offset, int Limit)
{
    public const int MaxLimit = 100;

    public const int DefaultLimit = 20;

    public static Parsed<MyRatingsRequest> Read(JsonElement? body) => RequestFields.WithChat(body, For);

    public static Parsed<MyRatingsRequest> For(string chatId, JsonElement? body)
    {
        if (!RequestFields.WholeNumber(body, "offset", 0, int.MaxValue, 0).TryGet(out var offset, out var refusal)
            || !RequestFields.WholeNumber(body, "limit", 1, MaxLimit, DefaultLimit).TryGet(out var limit, out refusal))
        {
            return refusal;
        }

        return new MyRatingsRequest(chatId, offset, limit);
    }
}

/// <summary>/unrate_movie: the rating or skip to take back.</summary>
public sealed record UnrateRequest(string ChatId, int MovieId)
{
    public static Parsed<UnrateRequest> Read(JsonElement? body) => RequestFields.WithChat(body, For);

    public static Parsed<UnrateRequest> For(string chatId, JsonElement? body) =>
        RequestFields.MovieId(body).TryGet(out var movieId, out var refusal) ? new UnrateRequest(chatId, movieId) : refusal;
}

/// <summary>/skip_movie: the user has not seen this movie.</summary>
public sealed record SkipRequest(string ChatId, int MovieId)
{
    public static Parsed<SkipRequest> Read(JsonElement? body) => RequestFields.WithChat(body, For);

    public static Parsed<SkipRequest> For(string chatId, JsonElement? body) =>
        RequestFields.MovieId(body).TryGet(out var movieId, out var refusal) ? new SkipRequest(chatId, movieId) : refusal;
}

/// <summary>/recommend_group: 2–10 distinct chat ids; top_n 1–20, default 5; genres as for /recommend.</summary>
public sealed record RecommendGroupRequest(IReadOnlyList<string> ChatIds, int TopN, IReadOnlyList<string> Genres)
{
    public const int MinMembers = 2;
    public const int MaxMembers = 10;
    public const int MaxTopN = 20;
    public const int DefaultTopN = 5;

    public static Parsed<RecommendGroupRequest> Read(JsonElement? body)
    {
        if (!RequestFields.ChatIds(body, MinMembers, MaxMembers).TryGet(out var chatIds, out var refusal)
            || !RequestFields.WholeNumber(body, "top_n", 1, MaxTopN, DefaultTopN).TryGet(out var topN, out refusal)
            || !RequestFields.Genres(body).TryGet(out var genres, out refusal))
        {
            return refusal;
        }

        return new RecommendGroupRequest(chatIds, topN, genres);
    }
}
