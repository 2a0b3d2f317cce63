using System.Net;
using MovieRec.Domain;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace MovieRec.Api;

/// <summary>
/// GET /app and its two files, from the assembly. The page loads nothing at run time but these and
/// Telegram's telegram-web-app.js, and its Content-Security-Policy says so to the browser.
/// </summary>
public static class MiniAppPage
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' https://telegram.org; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors https://web.telegram.org https://*.telegram.org 'self'";

    private static readonly Dictionary<string, (string ContentType, byte[] Bytes)> Files = new(StringComparer.Ordinal)
    {
        ["index.html"] = ("text/html; charset=utf-8", WithEnglishTexts(Read("index.html"))),
        ["app.css"] = ("text/css; charset=utf-8", Read("app.css")),
        ["app.js"] = ("text/javascript; charset=utf-8", Read("app.js")),
    };

    public static Task<IResult> PageAsync(HttpContext context) => FileAsync(context, "index.html");

    public static Task<IResult> FileAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = context.Request.Path.Value ?? "";
        return FileAsync(context, path[(path.LastIndexOf('/') + 1)..]);
    }

    private static Task<IResult> FileAsync(HttpContext context, string name)
    {
        if (!Files.TryGetValue(name, out var file))
        {
            return Task.FromResult<IResult>(ApiErrors.Of(StatusCodes.Status404NotFound, $"There is no {context.Request.Path}: the Mini App is at /app."));
        }

        context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        context.Response.Headers.CacheControl = "no-cache";
        return Task.FromResult<IResult>(TypedResults.Bytes(file.Bytes, file.ContentType));
    }

    /// <summary>
    /// index.html with MiniAppTexts.resx's English words in &lt;html data-texts&gt;: what the page says
    /// until its first signed call tells the person's language (Telegram's language_code is inside
    /// initData, which the page reads only after it has loaded).
    /// </summary>
    private static byte[] WithEnglishTexts(byte[] page) => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(page).Replace(
        "{{texts}}", WebUtility.HtmlEncode(JsonSerializer.Serialize(MiniAppTexts.For(PersonLanguage.English))), StringComparison.Ordinal));

    private static byte[] Read(string name)
    {
        using var stream = typeof(MiniAppPage).Assembly.GetManifestResourceStream("MiniApp/" + name)
            ?? throw new InvalidOperationException($"The Mini App's {name} is not embedded in {typeof(MiniAppPage).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
