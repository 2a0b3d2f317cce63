using Microsoft.Extensions.Configuration;

namespace MovieRec.Service;

/// <summary>
/// How fast people and key holders may write (docs/security.md has the reasoning), per instance.
/// A person's writes and sign-ins are token buckets (the number is both the burst and the refill
/// per minute); a key's new chats and an address's failed sign-ins are counted per clock minute.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>
    /// Ratings, skips and removals one chat may make in a minute through the bot (or the Mini App).
    /// A hand tapping as fast as it can while reading titles manages about one a second; 60 lets it,
    /// and holds a script on one chat to 86,400 writes a day instead of millions.
    /// </summary>
    [ConfigurationKeyName("RATE_LIMIT_PERSON_WRITES_PER_MINUTE")]
    public int PersonWritesPerMinute { get; set; } = 60;

    /// <summary>
    /// New chats one API key may register in a minute. A backend that onboards people does it one
    /// person at a time; a key that mints thousands of chats is filling the neighbour pool.
    /// </summary>
    [ConfigurationKeyName("RATE_LIMIT_KEY_NEW_CHATS_PER_MINUTE")]
    public int KeyNewChatsPerMinute { get; set; } = 60;

    /// <summary>
    /// Mini App calls one Telegram user may make in a minute, each a sign-in with signed initData.
    /// Every tap of the page is one or two calls; 120 is a busy minute of a person and a slow one
    /// of a script replaying a stolen initData.
    /// </summary>
    [ConfigurationKeyName("RATE_LIMIT_MINIAPP_SIGNINS_PER_MINUTE")]
    public int MiniAppSignInsPerMinute { get; set; } = 120;

    /// <summary>
    /// Failed Mini App sign-ins (initData missing, forged or expired) one client address may make
    /// in a minute before the answer is 429 instead of 401. A person fails when the page was left
    /// open past MINIAPP_AUTH_MAX_AGE, once, and reopens it; 10 is many of those. A valid sign-in
    /// is never refused by this count, so a shared address (a NAT, a proxy) cannot lock people out.
    /// </summary>
    [ConfigurationKeyName("RATE_LIMIT_MINIAPP_FAILED_SIGNINS_PER_MINUTE")]
    public int MiniAppFailedSignInsPerMinute { get; set; } = 10;
}
