using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace MovieRec.Service;

/// <summary>
/// The rate limits of docs/api.md, one token bucket per chat (people's writes), per API key (new chats)
/// and per Telegram user (Mini App sign-ins), held by this instance: with N instances a caller spread over all of them gets up to N
/// times the budget (docs/security.md).
/// </summary>
public sealed class RateLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> _personWrites;
    private readonly PartitionedRateLimiter<string> _keyNewChats;
    private readonly PartitionedRateLimiter<string> _miniAppSignIns;

    public RateLimits(IOptions<RateLimitOptions> options)
    {
        var limits = options.Value;
        _personWrites = PerMinute(limits.PersonWritesPerMinute);
        _keyNewChats = PerMinute(limits.KeyNewChatsPerMinute);
        _miniAppSignIns = PerMinute(limits.MiniAppSignInsPerMinute);
    }

    /// <summary>Takes one of a Telegram user's Mini App sign-ins; false (with when to try again) past the limit.</summary>
    public bool TryMiniAppSignIn(string userId, out TimeSpan retryAfter) => TryTake(_miniAppSignIns, userId, out retryAfter);

    /// <summary>Takes one of the chat's writes; false (with when to try again) when its budget is spent.</summary>
    public bool TryPersonWrite(string chatId, out TimeSpan retryAfter) => TryTake(_personWrites, chatId, out retryAfter);

    /// <summary>Whether the key may still create a chat; the budget is spent by <see cref="ChatCreated"/>, only for chats that were new.</summary>
    public bool MayCreateChat(string keyId) => _keyNewChats.GetStatistics(keyId) is not { CurrentAvailablePermits: <= 0 };

    public void ChatCreated(string keyId) => TryTake(_keyNewChats, keyId, out _);

    /// <summary>When a key whose budget is spent may create a chat again.</summary>
    public static TimeSpan NewChatRetryAfter => TimeSpan.FromMinutes(1);

    public void Dispose()
    {
        _personWrites.Dispose();
        _keyNewChats.Dispose();
        _miniAppSignIns.Dispose();
    }

    private static bool TryTake(PartitionedRateLimiter<string> limiter, string partition, out TimeSpan retryAfter)
    {
        using var lease = limiter.AttemptAcquire(partition);
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        return lease.IsAcquired;
    }

    private static PartitionedRateLimiter<string> PerMinute(int permits) =>
        PartitionedRateLimiter.Create<string, string>(partition => RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = permits,
            TokensPerPeriod = permits,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
}
