using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using MovieRec.Domain;

namespace MovieRec.Api;

/// <summary>Reads and validates the contract's request fields; anything off is a 400 that names the field.</summary>
internal static partial class RequestFields
{
    public static JsonElement Object(JsonElement? body) =>
        body is { ValueKind: JsonValueKind.Object } root
            ? root
            : throw BadRequest("The body must be a JSON object, for example {\"chat_id\": \"42\"}.");

    /// <summary>chat_id as a string or an integer; 123 and "123" are the same user.</summary>
    public static string ChatId(JsonElement? body)
    {
        var root = Object(body);
        if (!root.TryGetProperty("chat_id", out var field))
        {
            throw BadRequest("chat_id is required.");
        }

        var chatId = field.ValueKind switch
        {
            JsonValueKind.String => field.GetString()!,
            JsonValueKind.Number when field.TryGetInt64(out var number) => number.ToString(CultureInfo.InvariantCulture),
            _ => throw BadRequest("chat_id must be a string or a whole number."),
        };
        if (!ChatIdPattern().IsMatch(chatId))
        {
            throw BadRequest("chat_id must be 1 to 64 characters of A-Z, a-z, 0-9, _ and -.");
        }

        return chatId;
    }

    public static int MovieId(JsonElement? body)
    {
        var root = Object(body);
        if (!root.TryGetProperty("movie_id", out var field))
        {
            throw BadRequest("movie_id is required.");
        }

        return field.ValueKind == JsonValueKind.Number && field.TryGetInt32(out var id) && id > 0
            ? id
            : throw BadRequest("movie_id must be a positive whole number.");
    }

    public static double Rating(JsonElement? body)
    {
        var root = Object(body);
        if (!root.TryGetProperty("rating", out var field))
        {
            throw BadRequest("rating is required.");
        }

        return field.ValueKind == JsonValueKind.Number && field.TryGetDouble(out var stars) && StarScale.IsValid(stars)
            ? stars
            : throw BadRequest("rating must be a number from 0.5 to 5 in half steps (0.5, 1, 1.5 … 5).");
    }

    public static int TopN(JsonElement? body)
    {
        var root = Object(body);
        if (!root.TryGetProperty("top_n", out var field) || field.ValueKind == JsonValueKind.Null)
        {
            return RecommendationRules.DefaultTopN;
        }

        return field.ValueKind == JsonValueKind.Number && field.TryGetInt32(out var n) && n is >= 1 and <= RecommendationRules.MaxTopN
            ? n
            : throw BadRequest($"top_n must be a whole number from 1 to {RecommendationRules.MaxTopN}.");
    }

    /// <summary>chat_id when present (and valid); null when absent or null.</summary>
    public static string? OptionalChatId(JsonElement? body) =>
        Object(body).TryGetProperty("chat_id", out var field) && field.ValueKind != JsonValueKind.Null ? ChatId(body) : null;

    /// <summary>A search query: a string with something besides spaces, at most 200 characters.</summary>
    public static string Query(JsonElement? body)
    {
        var root = Object(body);
        if (!root.TryGetProperty("query", out var field) || field.ValueKind != JsonValueKind.String)
        {
            throw BadRequest("query is required: the words of a title to look for, for example {\"query\": \"matrix 1999\"}.");
        }

        var query = field.GetString()!;
        return string.IsNullOrWhiteSpace(query)
            ? throw BadRequest("query must have something to look for besides spaces.")
            : query.Length > MaxQueryLength
                ? throw BadRequest($"query must be at most {MaxQueryLength} characters.")
                : query;
    }

    public const int MaxQueryLength = 200;

    /// <summary>A whole-number field from <paramref name="least"/> to <paramref name="most"/>; <paramref name="fallback"/> when absent or null.</summary>
    public static int WholeNumber(JsonElement? body, string name, int least, int most, int fallback)
    {
        var root = Object(body);
        if (!root.TryGetProperty(name, out var field) || field.ValueKind == JsonValueKind.Null)
        {
            return fallback;
        }

        return field.ValueKind == JsonValueKind.Number && field.TryGetInt32(out var n) && n >= least && n <= most
            ? n
            : throw BadRequest($"{name} must be a whole number from {least} to {most}.");
    }

    /// <summary>genres: absent, null or a list of strings (checked against the catalog by the handler).</summary>
    public static IReadOnlyList<string> Genres(JsonElement? body)
    {
        var root = Object(body);
        if (!root.TryGetProperty("genres", out var field) || field.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (field.ValueKind != JsonValueKind.Array || field.GetArrayLength() > 50 || field.EnumerateArray().Any(g => g.ValueKind != JsonValueKind.String))
        {
            throw BadRequest("genres must be a list of genre names, for example [\"Comedy\", \"Sci-Fi\"].");
        }

        return [.. field.EnumerateArray().Select(g => g.GetString()!)];
    }

    private static ContractException BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ChatIdPattern();
}
