using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace MovieRec.Api;

/// <summary>
/// Who may call the JSON routes of the standalone host (in Azure the Functions host checks function
/// keys itself): a caller whose x-functions-key is one of API_KEYS, or, when API_KEYS is not set, a
/// caller on this machine. Keys are compared as SHA-256 digests in constant time, against every
/// key, so neither the time taken nor the answer says which part was wrong.
/// </summary>
public sealed class ApiKeyCheck(IOptions<ApiKeyOptions> options)
{
    public const string Header = "x-functions-key";

    private readonly byte[][] _keys = [.. options.Value.All.Select(Digest)];

    public bool Admits(HttpContext context)
    {
        if (_keys.Length == 0)
        {
            return context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address);
        }

        var given = Digest(context.Request.Headers[Header].ToString());
        var admitted = false;
        foreach (var key in _keys)
        {
            admitted |= CryptographicOperations.FixedTimeEquals(given, key);
        }

        return admitted;
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
