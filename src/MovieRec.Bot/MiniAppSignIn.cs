using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace MovieRec.Bot;

/// <summary>
/// Checks a Mini App's signed initData as Telegram specifies: the data-check-string (every field
/// but hash, sorted by name, "name=value" lines, values URL-decoded) signed with HMAC-SHA256 under
/// the key HMAC-SHA256("WebAppData", bot token); the hash compared in constant time; auth_date no
/// older than MINIAPP_AUTH_MAX_AGE (nor from the future beyond a minute of clock skew). The
/// person is the signed user.id, never a field the page sends. Written here rather than taken from
/// Telegram.Bot's AuthHelpers, which checks no auth_date and compares with SequenceEqual.
/// </summary>
public sealed class MiniAppSignIn(IOptions<BotOptions> bot, IOptions<MiniAppOptions> options, TimeProvider time)
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    /// <summary>The signed Telegram user id; false for anything unsigned, altered, expired or malformed (which is not said, to the caller or the log).</summary>
    public bool TryValidate(string? initData, out long userId) => TryValidate(initData, out userId, out _);

    /// <summary>As <see cref="TryValidate(string?, out long)"/>, with the signed user's <c>language_code</c> (null when Telegram sent none).</summary>
    public bool TryValidate(string? initData, out long userId, out string? languageCode)
    {
        userId = 0;
        languageCode = null;
        var token = bot.Value.Token;
        if (string.IsNullOrEmpty(token) || string.IsNullOrEmpty(initData) || initData.Length > 4096)
        {
            return false;
        }

        var fields = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in initData.Split('&'))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !fields.TryAdd(WebUtility.UrlDecode(pair[..equals]), WebUtility.UrlDecode(pair[(equals + 1)..])))
            {
                return false;
            }
        }

        if (!fields.Remove("hash", out var hash) || hash.Length != 64 || !hash.All(Uri.IsHexDigit))
        {
            return false;
        }

        if (!CryptographicOperations.FixedTimeEquals(HashOf(fields, token), Convert.FromHexString(hash)))
        {
            return false;
        }

        var now = time.GetUtcNow();
        if (!(fields.TryGetValue("auth_date", out var authDate)
            && long.TryParse(authDate, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            && DateTimeOffset.FromUnixTimeSeconds(Math.Min(seconds, 253_402_300_799)) is var signedAt
            && signedAt <= now + ClockSkew
            && now - signedAt <= options.Value.AuthMaxAge
            && fields.TryGetValue("user", out var user)
            && UserOf(user) is ( > 0 and var id, var language)))
        {
            return false;
        }

        (userId, languageCode) = (id, language);
        return true;
    }

    /// <summary>
    /// Telegram's signature of initData's fields (all but the hash, sorted by name): HMAC-SHA256 of
    /// the "name=value" lines under the key HMAC-SHA256("WebAppData", bot token).
    /// </summary>
    internal static byte[] HashOf(SortedDictionary<string, string> fields, string botToken)
    {
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("WebAppData"), Encoding.UTF8.GetBytes(botToken));
        return HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(string.Join('\n', fields.Select(f => $"{f.Key}={f.Value}"))));
    }

    private static (long Id, string? LanguageCode)? UserOf(string userJson)
    {
        try
        {
            using var user = JsonDocument.Parse(userJson);
            return user.RootElement.ValueKind == JsonValueKind.Object
                && user.RootElement.TryGetProperty("id", out var id)
                && id.TryGetInt64(out var value)
                    ? (value, user.RootElement.TryGetProperty("language_code", out var language) && language.ValueKind == JsonValueKind.String ? language.GetString() : null)
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>
/// Makes initData as Telegram signs it, for the bot's own token: what `movierec miniapp-link` puts in
/// a local link to try the page in a desktop browser, and what tests sign in with. Checked against
/// <see cref="MiniAppSignIn"/>, whose own test vector was computed apart from this code.
/// </summary>
public static class MiniAppInitData
{
    public static string Sign(string botToken, long userId, DateTimeOffset authDate, string firstName = "MovieRec tester", string? languageCode = null)
    {
        ArgumentNullException.ThrowIfNull(botToken);
        var user = new Dictionary<string, object> { ["id"] = userId, ["first_name"] = firstName };
        if (languageCode is not null)
        {
            user["language_code"] = languageCode;
        }

        var fields = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["auth_date"] = authDate.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["query_id"] = "local" + userId.ToString(CultureInfo.InvariantCulture),
            ["user"] = JsonSerializer.Serialize(user),
        };
        return string.Join('&', fields.Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}"))
            + "&hash=" + Convert.ToHexStringLower(MiniAppSignIn.HashOf(fields, botToken));
    }
}
