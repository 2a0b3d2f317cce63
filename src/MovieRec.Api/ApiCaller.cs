using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace MovieRec.Api;

/// <summary>
/// Whose budget a JSON request spends: the one key it came with (checked before it got here, by the
/// Functions host or by <see cref="ApiKeyCheck"/>), known by a digest so the key itself is never
/// held or logged; or nobody's, for a loopback caller of a host without API_KEYS. A request with
/// more than one key value is refused before this is asked (<see cref="KeyValues"/>): the Functions
/// host authenticates one of them, and any other would name a budget of the caller's choosing.
/// </summary>
public sealed record ApiCaller(string? KeyId)
{
    /// <summary>The query parameter the Functions host also takes a key from (never on the standalone host).</summary>
    public const string QueryKey = "code";

    /// <summary>How many key values a request carries: each x-functions-key line and each ?code=, a comma-joined value counting as each of its parts.</summary>
    public static int KeyValues(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Count(request.Headers[ApiKeyCheck.Header]) + Count(request.Query[QueryKey]);
    }

    public static ApiCaller Of(HttpRequest request)
    {
        if (KeyValues(request) > 1)
        {
            throw new InvalidOperationException("A request with more than one key value reached a route: it must have been refused with 401 before.");
        }

        var key = request.Headers[ApiKeyCheck.Header] is [var header] ? header : request.Query[QueryKey] is [var code] ? code : null;
        return new ApiCaller(string.IsNullOrEmpty(key) ? null : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16]);
    }

    private static int Count(StringValues values) => values.Sum(value => (value ?? "").Split(',').Length);
}
