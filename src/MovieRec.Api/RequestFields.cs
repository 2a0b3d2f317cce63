using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using MovieRec.Domain;

namespace MovieRec.Api;

/// <summary>Reads and validates the request fields of docs/api.md; anything off is a 400 refusal that names the field.</summary>
internal static partial class RequestFields
{
    public const int MaxQueryLength = 200;

    public const int MaxGenres = 50;

    /// <summary>What a chat id is, once written as a string (anchored by each user: the regex below, the OpenAPI schema).</summary>
    public const string ChatIdCharacters = "[A-Za-z0-9_-]{1,64}";

    /// <summary>chat_id as a string or an integer; 123 and "123" are the same user.</summary>
    public static Parsed<string> ChatId(JsonElement? body)
    {
        if (!Field(body, "chat_id", out var field, out var refusal))
        {
            return refusal ?? BadRequest("chat_id is required.");
        }

        return ChatIdOf(field, "chat_id");
    }

    /// <summary>A chat id as a JSON string or integer; <paramref name="name"/> is what the messages call it.</summary>
    private static Parsed<string> ChatIdOf(JsonElement field, string name)
    {
        string? chatId = field.ValueKind switch
        {
            JsonValueKind.String => field.GetString()!,
            JsonValueKind.Number when field.TryGetInt64(out var number) => number.ToString(CultureInfo.InvariantCulture),
            _ => null,
        };
        return chatId is null
            ? BadRequest($"{name} must be a string or a whole number.")
            : ChatIdPattern().IsMatch(chatId)
                ? chatId
                : BadRequest($"{name} must be 1 to 64 characters of A-Z, a-z, 0-9, _ and -.");
    }

    /// <summary>chat_ids: a list of <paramref name="least"/> to <paramref name="most"/> distinct chat ids, each as chat_id is read.</summary>
    public static Parsed<IReadOnlyList<string>> ChatIds(JsonElement? body, int least, int most)
    {
        if (!Field(body, "chat_ids", out var field, out var refusal))
        {
            return refusal ?? BadRequest("chat_ids is required: the group's chat ids, for example {\"chat_ids\": [\"42\", \"43\"]}.");
        }

        if (field.ValueKind != JsonValueKind.Array || field.GetArrayLength() < least || field.GetArrayLength() > most)
        {
            return BadRequest($"chat_ids must be a list of {least} to {most} chat ids.");
        }

        var chatIds = new List<string>(field.GetArrayLength());
        foreach (var item in field.EnumerateArray())
        {
            if (!ChatIdOf(item, "Each of chat_ids").TryGet(out var chatId, out refusal))
            {
                return refusal;
            }

            chatIds.Add(chatId);
        }

        return chatIds.Distinct(StringComparer.Ordinal).Count() == chatIds.Count
            ? chatIds
            : BadRequest("chat_ids must not name a chat twice.");
    }

    /// <summary>A request of a key holder's: the chat from the body's chat_id, the rest read by <paramref name="rest"/>.</summary>
    public static Parsed<T> WithChat<T>(JsonElement? body, Func<string, JsonElement?, Parsed<T>> rest) =>
        ChatId(body).TryGet(out var chatId, out var refusal) ? rest(chatId, body) : refusal;

    /// <summary>chat_id when present (and valid); null when absent or null.</summary>
    public static Parsed<string?> OptionalChatId(JsonElement? body)
    {
        if (!Field(body, "chat_id", out var field, out var refusal) || field.ValueKind == JsonValueKind.Null)
        {
            return refusal is null ? new Parsed<string?>((string?)null) : refusal;
        }

        return ChatId(body).TryGet(out var chatId, out refusal) ? chatId : refusal;
    }

    public static Parsed<int> MovieId(JsonElement? body)
    {
        if (!Field(body, "movie_id", out var field, out var refusal))
        {
            return refusal ?? BadRequest("movie_id is required.");
        }

        return field.ValueKind == JsonValueKind.Number && field.TryGetInt32(out var id) && id > 0
            ? id
            : BadRequest("movie_id must be a positive whole number.");
    }

    public static Parsed<double> Rating(JsonElement? body)
    {
        if (!Field(body, "rating", out var field, out var refusal))
        {
            return refusal ?? BadRequest("rating is required.");
        }

        return field.ValueKind == JsonValueKind.Number && field.TryGetDouble(out var stars) && StarScale.IsValid(stars)
            ? stars
            : BadRequest("rating must be a number from 0.5 to 5 in half steps (0.5, 1, 1.5 … 5).");
    }

    public static Parsed<int> TopN(JsonElement? body) =>
        WholeNumber(body, "top_n", 1, RecommendationRules.MaxTopN, RecommendationRules.DefaultTopN);

    /// <summary>A search query: a string with something besides spaces, at most 200 characters.</summary>
    public static Parsed<string> Query(JsonElement? body)
    {
        if (!Field(body, "query", out var field, out var refusal) || field.ValueKind != JsonValueKind.String)
        {
            return refusal ?? BadRequest("query is required: the words of a title to look for, for example {\"query\": \"matrix 1999\"}.");
        }

        var query = field.GetString()!;
        return string.IsNullOrWhiteSpace(query)
            ? BadRequest("query must have something to look for besides spaces.")
            : query.Length > MaxQueryLength
                ? BadRequest($"query must be at most {MaxQueryLength} characters.")
                : query;
    }

    /// <summary>A whole-number field from <paramref name="least"/> to <paramref name="most"/>; <paramref name="fallback"/> when absent or null.</summary>
    public static Parsed<int> WholeNumber(JsonElement? body, string name, int least, int most, int fallback)
    {
        if (!Field(body, name, out var field, out var refusal) || field.ValueKind == JsonValueKind.Null)
        {
            return refusal is null ? fallback : new Parsed<int>(refusal);
        }

        return field.ValueKind == JsonValueKind.Number && field.TryGetInt32(out var n) && n >= least && n <= most
            ? n
            : BadRequest($"{name} must be a whole number from {least} to {most}.");
    }

    /// <summary>genres: absent, null or a list of strings (checked against the catalog by the handler).</summary>
    public static Parsed<IReadOnlyList<string>> Genres(JsonElement? body)
    {
        if (!Field(body, "genres", out var field, out var refusal) || field.ValueKind == JsonValueKind.Null)
        {
            return refusal is null ? new Parsed<IReadOnlyList<string>>([]) : refusal;
        }

        if (field.ValueKind != JsonValueKind.Array || field.GetArrayLength() > MaxGenres || field.EnumerateArray().Any(g => g.ValueKind != JsonValueKind.String))
        {
            return BadRequest("genres must be a list of genre names, for example [\"Comedy\", \"Sci-Fi\"].");
        }

        return field.EnumerateArray().Select(g => g.GetString()!).ToList();
    }

    /// <summary>
    /// The named field of a JSON object body. False when absent, or with a refusal when the body is
    /// not a JSON object at all.
    /// </summary>
    private static bool Field(JsonElement? body, string name, out JsonElement field, out RequestRefusal? refusal)
    {
        field = default;
        if (body is not { ValueKind: JsonValueKind.Object } root)
        {
            refusal = BadRequest("The body must be a JSON object, for example {\"chat_id\": \"42\"}.");
            return false;
        }

        refusal = null;
        return root.TryGetProperty(name, out field);
    }

    private static RequestRefusal BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);

    [GeneratedRegex("^" + ChatIdCharacters + @"\z", RegexOptions.CultureInvariant)]
    private static partial Regex ChatIdPattern();
}
