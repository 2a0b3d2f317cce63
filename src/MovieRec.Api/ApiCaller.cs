using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace MovieRec.Api;

/// <summary>
/// Whose budget a JSON request spends: the key it came with (checked before it got here, by the
/// Functions host or by <see cref="ApiKeyCheck"/>), known by a digest so the key itself is never
/// held or logged; or nobody's, for a loopback caller of a host without API_KEYS.
/// </summary>
public sealed record ApiCaller(string? KeyId)
{
    public static ApiCaller Of(HttpRequest request)
    {
        // The Functions host also takes the key as ?code=…
        var key = request.Headers[ApiKeyCheck.Header].ToString() is { Length: > 0 } header ? header : request.Query["code"].ToString();
        return new ApiCaller(key.Length == 0 ? null : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16]);
    }
}
