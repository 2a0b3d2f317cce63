using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace MovieRec.Api;

/// <summary>Reads a request's JSON body under the limits of docs/api.md: a size (413; 16 KiB for the API routes), a JSON content type (415), valid JSON (400).</summary>
internal static class RequestBody
{
    public const int MaxBytes = 16 * 1024;

    private static readonly JsonDocumentOptions Parsing = new() { MaxDepth = 32 };

    /// <summary>The parsed body (null when the request carries none: a GET), or the refusal of it.</summary>
    public static async Task<Parsed<JsonElement?>> ReadAsync(HttpRequest request, CancellationToken cancellationToken, int maxBytes = MaxBytes)
    {
        if (request.ContentLength > maxBytes)
        {
            return TooLarge(maxBytes);
        }

        var (bytes, unreadable) = await ReadLimitedAsync(request.Body, maxBytes, cancellationToken);
        if (unreadable is not null)
        {
            return unreadable;
        }

        if (bytes.Length == 0 && HttpMethods.IsGet(request.Method))
        {
            return new Parsed<JsonElement?>((JsonElement?)null);
        }

        if (bytes.Length > 0 && !IsJson(request.ContentType))
        {
            return new RequestRefusal(
                StatusCodes.Status415UnsupportedMediaType,
                $"Send the body as JSON with Content-Type: application/json (got '{request.ContentType ?? "none"}').");
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(bytes, Parsing);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return new RequestRefusal(StatusCodes.Status400BadRequest, "The body is not valid JSON.");
        }

        return AllTextIsUnicode(root)
            ? root
            : new RequestRefusal(
                StatusCodes.Status400BadRequest,
                "The body is not valid JSON text: a string holds a lone surrogate (such as \\ud800) or bytes that are not UTF-8.");
    }

    private static async Task<(byte[] Bytes, RequestRefusal? Refusal)> ReadLimitedAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        try
        {
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return ([], TooLarge(maxBytes));
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel's own refusals of the body (its size limit, an unexpected end) carry their status.
            return ([], new RequestRefusal(e.StatusCode, $"The request body could not be read: {e.Message}"));
        }
        catch (IOException) when (!cancellationToken.IsCancellationRequested)
        {
            // Kestrel's "Bad chunk size data" and bodies cut short: the client's framing, not our fault.
            return ([], new RequestRefusal(StatusCodes.Status400BadRequest, "The request body could not be read: malformed chunked encoding or a body cut short."));
        }

        return (buffer.ToArray(), null);
    }

    /// <summary>
    /// Whether every string and property name decodes to well-formed UTF-16. The parser lets lone
    /// surrogate escapes and invalid UTF-8 through and only reading the string fails; read them all
    /// here, so no field reader meets one later.
    /// </summary>
    private static bool AllTextIsUnicode(JsonElement element)
    {
        try
        {
            return Walk(element);
        }
        catch (InvalidOperationException)
        {
            return false;
        }

        static bool Walk(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    return IsWellFormed(element.GetString()!);
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        if (!IsWellFormed(property.Name) || !Walk(property.Value))
                        {
                            return false;
                        }
                    }

                    return true;
                case JsonValueKind.Array:
                    return element.EnumerateArray().All(Walk);
                default:
                    return true;
            }
        }

        static bool IsWellFormed(string text) => !System.Text.Unicode.Utf8.FromUtf16(text, new byte[text.Length * 3], out _, out _, replaceInvalidSequences: false).Equals(System.Buffers.OperationStatus.InvalidData);
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));

    private static RequestRefusal TooLarge(int maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, $"The body is over {maxBytes / 1024} KiB.");
}
