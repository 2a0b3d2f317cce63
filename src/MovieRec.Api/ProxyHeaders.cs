using Microsoft.AspNetCore.Http;

namespace MovieRec.Api;

/// <summary>
/// The headers a reverse proxy (nginx, Caddy, cloudflared, a load balancer) adds to what it
/// forwards. A request carrying any of them came from somewhere else through a proxy on this
/// machine, so its loopback address proves nothing. (A proxy that adds none is not told apart: a
/// host behind one must have API_KEYS, docs/security.md.)
/// </summary>
public static class ProxyHeaders
{
    public static readonly IReadOnlyList<string> Names =
        ["Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Real-IP", "CF-Connecting-IP"];

    public static bool Carried(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Names.Any(request.Headers.ContainsKey);
    }
}
