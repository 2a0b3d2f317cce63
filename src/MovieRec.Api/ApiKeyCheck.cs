using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace MovieRec.Api;

/// <summary>
/// Who may call the JSON routes of the standalone host (in Azure the Functions host checks function
/// keys itself): a caller with exactly one key, in x-functions-key, that is one of API_KEYS; or,
/// when API_KEYS is not set, a caller on this machine that came through no proxy
/// (<see cref="ProxyHeaders"/>). Keys are compared as SHA-256 digests in constant time, against
/// every key, so neither the time taken nor the answer says which part was wrong.
/// </summary>
public sealed class ApiKeyCheck(IOptions<ApiKeyOptions> options)
{
    public const string Header = "x-functions-key";

    private readonly byte[][] _keys = [.. options.Value.All.Select(Secrets.Digest)];

    public bool Admits(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (_keys.Length == 0)
        {
            return context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address) && !ProxyHeaders.Carried(request);
        }

        // One key, in the header: ?code= is the Functions host's, and this host does not take it.
        if (ApiCaller.KeyValues(request) != 1 || request.Headers[Header] is not [var key])
        {
            return false;
        }

        var given = Secrets.Digest(key ?? "");
        var admitted = false;
        foreach (var known in _keys)
        {
            admitted |= CryptographicOperations.FixedTimeEquals(given, known);
        }

        return admitted;
    }
}
