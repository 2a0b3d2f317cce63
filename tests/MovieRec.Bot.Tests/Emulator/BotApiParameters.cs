using System.Text.Json;
using System.Web;

namespace MovieRec.Bot.Tests.Emulator;

/// <summary>
/// A Bot API call's parameters, however they came: a JSON body, a form, or the query string
/// (Telegram takes all three). Form and query values that are JSON (numbers, arrays, objects)
/// are read as JSON, the way Telegram reads reply_markup and allowed_updates there.
/// </summary>
public sealed class BotApiParameters
{
    private readonly Dictionary<string, JsonElement> _values;

    private BotApiParameters(Dictionary<string, JsonElement> values) => _values = values;

    public static BotApiParameters Parse(string? contentType, string body, string? query)
    {
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        AddForm(values, query?.TrimStart('?'));
        if (body.Length > 0 && contentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new BotApiErrorException(400, "Bad Request: request body must be a JSON object");
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                values[property.Name] = property.Value.Clone();
            }
        }
        else if (body.Length > 0 && contentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            AddForm(values, body);
        }

        return new BotApiParameters(values);
    }

    public bool Has(string name) => _values.TryGetValue(name, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);

    public string? Text(string name) => _values.TryGetValue(name, out var value)
        ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        }
        : null;

    public long? Number(string name) => _values.TryGetValue(name, out var value)
        ? value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var n) => n,
            JsonValueKind.String when long.TryParse(value.GetString(), out var n) => n,
            _ => null,
        }
        : null;

    public bool Boolean(string name) => _values.TryGetValue(name, out var value)
        && (value.ValueKind == JsonValueKind.True || (value.ValueKind == JsonValueKind.String && value.GetString() == "true"));

    /// <summary>An object or array parameter, also when sent JSON-encoded in a string.</summary>
    public JsonElement? Json(string name)
    {
        if (!_values.TryGetValue(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return value;
        }

        try
        {
            using var document = JsonDocument.Parse(value.GetString()!);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new BotApiErrorException(400, $"Bad Request: can't parse {name} JSON object");
        }
    }

    private static void AddForm(Dictionary<string, JsonElement> values, string? form)
    {
        if (string.IsNullOrEmpty(form))
        {
            return;
        }

        var pairs = HttpUtility.ParseQueryString(form);
        foreach (var key in pairs.AllKeys.OfType<string>())
        {
            values[key] = JsonSerializer.SerializeToElement(pairs[key]);
        }
    }
}

/// <summary>An answer of the form {"ok": false, "error_code", "description"[, "parameters"]}.</summary>
public sealed class BotApiErrorException(int code, string description, int? retryAfter = null) : Exception(description)
{
    public int Code { get; } = code;

    public int? RetryAfter { get; } = retryAfter;
}
