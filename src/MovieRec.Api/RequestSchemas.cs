using System.Text.Json.Nodes;
using MovieRec.Domain;

namespace MovieRec.Api;

/// <summary>A request body's JSON Schema in /openapi.json: its component name, an example, and the schema (built fresh: a node has one parent).</summary>
public sealed record RequestSchema(string Name, string Example, Func<JsonObject> Build);

/// <summary>
/// The requests (Requests.cs) as JSON Schemas (draft 2020-12, as OpenAPI 3.1 uses),
/// written out because the requests are read by hand (<see cref="RequestFields"/>): each field
/// accepts what its reader accepts, with the same limits. Fields not listed are ignored, so
/// every body may carry more.
/// </summary>
internal static class RequestSchemas
{
    public static RequestSchema Chat { get; } = new("ChatRequest", """{"chat_id": "42"}""", () => Body(["chat_id"], ("chat_id", ChatId())));

    public static RequestSchema Rate { get; } = new("RateRequest", """{"chat_id": "42", "movie_id": 1, "rating": 4.5}""", () =>
        Body(["chat_id", "movie_id", "rating"], ("chat_id", ChatId()), ("movie_id", MovieId()), ("rating", Rating())));

    public static RequestSchema Skip { get; } = new("SkipRequest", """{"chat_id": "42", "movie_id": 1}""", () =>
        Body(["chat_id", "movie_id"], ("chat_id", ChatId()), ("movie_id", MovieId())));

    public static RequestSchema Unrate { get; } = new("UnrateRequest", """{"chat_id": "42", "movie_id": 1}""", () =>
        Body(["chat_id", "movie_id"], ("chat_id", ChatId()), ("movie_id", MovieId())));

    public static RequestSchema Recommend { get; } = new("RecommendRequest", """{"chat_id": "42", "top_n": 3, "genres": ["Comedy", "Sci-Fi"]}""", () =>
        Body(["chat_id"], ("chat_id", ChatId()), ("top_n", TopN()), ("genres", Genres())));

    public static RequestSchema RecommendGroup { get; } = new("RecommendGroupRequest", """{"chat_ids": ["42", "43", "44"], "top_n": 5, "genres": ["Comedy"]}""", () =>
        Body(
            ["chat_ids"],
            ("chat_ids", new JsonObject
            {
                ["type"] = "array",
                ["items"] = ChatId(),
                ["minItems"] = RecommendGroupRequest.MinMembers,
                ["maxItems"] = RecommendGroupRequest.MaxMembers,
                ["uniqueItems"] = true,
                ["description"] = "The group: distinct people, each with 10 or more ratings.",
            }),
            ("top_n", WholeNumber(1, RecommendGroupRequest.MaxTopN, RecommendGroupRequest.DefaultTopN)),
            ("genres", Genres())));

    public static RequestSchema Search { get; } = new("SearchRequest", """{"query": "matrix 1999", "limit": 5, "chat_id": "42"}""", () =>
        Body(["query"], ("query", Query()), ("limit", WholeNumber(1, SearchRequest.MaxLimit, SearchRequest.DefaultLimit)), ("chat_id", OptionalChatId())));

    public static RequestSchema MyRatings { get; } = new("MyRatingsRequest", """{"chat_id": "42", "offset": 0, "limit": 20}""", () =>
        Body(
            ["chat_id"],
            ("chat_id", ChatId()),
            ("offset", WholeNumber(0, int.MaxValue, 0)),
            ("limit", WholeNumber(1, MyRatingsRequest.MaxLimit, MyRatingsRequest.DefaultLimit))));

    // The Mini App's calls take the fields of their JSON routes without chat_id: the person is the signed one.

    /// <summary>The Mini App's me, offer and forget: any JSON object; none of its fields is read.</summary>
    public static RequestSchema SignedIn { get; } = new("SignedInRequest", "{}", () => Body([]));

    public static RequestSchema MiniAppRate { get; } = new("MiniAppRateRequest", """{"movie_id": 1, "rating": 4.5}""", () =>
        Body(["movie_id", "rating"], ("movie_id", MovieId()), ("rating", Rating())));

    /// <summary>The Mini App's skip and unrate.</summary>
    public static RequestSchema MiniAppMovie { get; } = new("MiniAppMovieRequest", """{"movie_id": 1}""", () =>
        Body(["movie_id"], ("movie_id", MovieId())));

    public static RequestSchema MiniAppSearch { get; } = new("MiniAppSearchRequest", """{"query": "matrix 1999", "limit": 5}""", () =>
        Body(["query"], ("query", Query()), ("limit", WholeNumber(1, SearchRequest.MaxLimit, SearchRequest.DefaultLimit))));

    public static RequestSchema MiniAppRatings { get; } = new("MiniAppRatingsRequest", """{"offset": 0, "limit": 20}""", () =>
        Body([], ("offset", WholeNumber(0, int.MaxValue, 0)), ("limit", WholeNumber(1, MyRatingsRequest.MaxLimit, MyRatingsRequest.DefaultLimit))));

    public static RequestSchema MiniAppRecommend { get; } = new("MiniAppRecommendRequest", """{"top_n": 3, "genres": ["Comedy", "Sci-Fi"]}""", () =>
        Body([], ("top_n", TopN()), ("genres", Genres())));

    /// <summary>What the webhook reads of Telegram's Update: its update_id; Telegram.Bot reads the rest.</summary>
    public static RequestSchema TelegramUpdate { get; } = new("TelegramUpdate", """{"update_id": 1, "message": {"message_id": 1, "date": 0, "chat": {"id": 42, "type": "private"}, "text": "/start"}}""", () =>
        Body(["update_id"], ("update_id", new JsonObject { ["type"] = "integer", ["minimum"] = 1 })));

    private static JsonObject Body(string[] required, params (string Name, JsonObject Schema)[] fields)
    {
        var properties = new JsonObject();
        foreach (var (name, schema) in fields)
        {
            properties[name] = schema;
        }

        return new JsonObject
        {
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = new JsonArray([.. required.Select(r => (JsonNode)r)]),
        };
    }

    /// <summary>A string of the chat id's characters, or any 64-bit integer (its digits and sign always are).</summary>
    private static JsonObject ChatId() => new()
    {
        ["oneOf"] = new JsonArray(ChatIdString(), ChatIdNumber()),
        ["description"] = "A person: a string or an integer; 123 and \"123\" are the same person.",
    };

    private static JsonObject OptionalChatId() => new()
    {
        ["oneOf"] = new JsonArray(ChatIdString(), ChatIdNumber(), new JsonObject { ["type"] = "null" }),
    };

    private static JsonObject ChatIdString() => new() { ["type"] = "string", ["pattern"] = "^" + RequestFields.ChatIdCharacters + "$" };

    private static JsonObject ChatIdNumber() => new() { ["type"] = "integer", ["minimum"] = long.MinValue, ["maximum"] = long.MaxValue };

    private static JsonObject MovieId() => new() { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = int.MaxValue };

    private static JsonObject Rating() => new()
    {
        ["type"] = "number",
        ["minimum"] = StarScale.Min,
        ["maximum"] = StarScale.Max,
        ["multipleOf"] = 0.5,
    };

    private static JsonObject TopN() => WholeNumber(1, RecommendationRules.MaxTopN, RecommendationRules.DefaultTopN);

    private static JsonObject Query() => new()
    {
        ["type"] = "string",
        ["minLength"] = 1,
        ["maxLength"] = RequestFields.MaxQueryLength,
        ["pattern"] = @"\S",
    };

    private static JsonObject Genres() => new()
    {
        ["type"] = new JsonArray("array", "null"),
        ["items"] = new JsonObject { ["type"] = "string" },
        ["maxItems"] = RequestFields.MaxGenres,
    };

    /// <summary>A whole number in a range; absent or null takes the default (RequestFields.WholeNumber).</summary>
    private static JsonObject WholeNumber(int least, int most, int? fallback)
    {
        var schema = new JsonObject { ["type"] = new JsonArray("integer", "null"), ["minimum"] = least, ["maximum"] = most };
        if (fallback is { } value)
        {
            schema["default"] = value;
        }

        return schema;
    }
}
