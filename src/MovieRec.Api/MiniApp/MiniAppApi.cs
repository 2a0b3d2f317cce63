using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using MovieRec.Bot;
using MovieRec.Domain;
using MovieRec.Service;

namespace MovieRec.Api;

/// <summary>
/// The sign-in in front of POST /app/api/…, the Mini App's calls (each a route of
/// <see cref="ApiRoutes"/>, with the handlers of its JSON route), for the signed-in person only.
/// Each call signs in with Telegram's initData in <c>Authorization: tma …</c> (401 when missing,
/// forged or expired); the chat is the signed user id, and a chat_id in the body is never read.
/// Sign-ins are limited per user, failed ones per client address, and writes spend the person's
/// rate limit as bot presses do (429 with Retry-After).
/// </summary>
public sealed class MiniAppApi(MiniAppSignIn signIn, RateLimits limits)
{
    public const string PathPrefix = "app/api/";

    public const string SignInRequired = "Sign-in failed: open MovieRec from Telegram again.";

    public const string TooManyFailedSignIns = "Too many failed sign-ins from this address; open MovieRec from Telegram again after Retry-After.";

    /// <summary>True with the signed person (chat id and language); false with the 401 or 429 to answer instead.</summary>
    public bool TrySignIn(HttpContext context, bool writes, [NotNullWhen(true)] out SignedInPerson? person, [NotNullWhen(false)] out IResult? refused)
    {
        ArgumentNullException.ThrowIfNull(context);
        person = null;
        var authorization = context.Request.Headers.Authorization.ToString();
        var initData = authorization.StartsWith("tma ", StringComparison.Ordinal) ? authorization[4..] : null;
        if (!signIn.TryValidate(initData, out var user, out var languageCode))
        {
            // Failures are counted per client address; a valid sign-in is never refused by that count.
            refused = limits.TryFailedSignIn(context.Connection.RemoteIpAddress, out var failedWait)
                ? ApiErrors.Of(StatusCodes.Status401Unauthorized, SignInRequired)
                : Handlers.TooMany(context.Response, failedWait, TooManyFailedSignIns);
            return false;
        }

        var chat = user.ToString(CultureInfo.InvariantCulture);
        if (!limits.TryMiniAppSignIn(chat, out var wait) || (writes && !limits.TryPersonWrite(chat, out wait)))
        {
            refused = Handlers.TooMany(context.Response, wait, "Too many requests from this person; try again after Retry-After.");
            return false;
        }

        person = new SignedInPerson(chat, PersonLanguage.Of(languageCode));
        refused = null;
        return true;
    }
}
