using System.Text.Json;

namespace MovieRec.Api;

// The contract's requests, typed. Each reads itself from the JSON body with the contract's rules
// and messages (RequestFields); anything off is a ContractException, which the endpoint answers 400.

/// <summary>/register and /get_unrated_movie: who is asking.</summary>
public sealed record ChatRequest(string ChatId)
{
    public static ChatRequest Read(JsonElement? body) => new(RequestFields.ChatId(body));
}

/// <summary>/rate_movie and /rate.</summary>
public sealed record RateRequest(string ChatId, int MovieId, double Rating)
{
    public static RateRequest Read(JsonElement? body) => new(RequestFields.ChatId(body), RequestFields.MovieId(body), RequestFields.Rating(body));
}

/// <summary>/recommend; top_n defaults to 3.</summary>
public sealed record RecommendRequest(string ChatId, int TopN)
{
    public static RecommendRequest Read(JsonElement? body) => new(RequestFields.ChatId(body), RequestFields.TopN(body));
}

/// <summary>/skip_movie: the user has not seen this movie.</summary>
public sealed record SkipRequest(string ChatId, int MovieId)
{
    public static SkipRequest Read(JsonElement? body) => new(RequestFields.ChatId(body), RequestFields.MovieId(body));
}
