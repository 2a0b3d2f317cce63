using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace MovieRec.Service;

/// <summary>
/// The rate limits of docs/api.md, held by this instance: with N instances a caller spread over all of
/// them gets up to N times the budget (docs/security.md). People's writes (per chat) and Mini App
/// sign-ins (per Telegram user) are token buckets, whose idle partitions the limiter drops itself;
/// a key's new chats and an address's failed sign-ins are <see cref="KeyedBudget"/>s, whose permits
/// can be given back and whose tables are bounded.
/// </summary>
public sealed class RateLimits : IDisposable
{
    /// <summary>The most keys (API keys, client addresses) a budget holds in one minute.</summary>
    public const int MaxKeysPerMinute = 10_000;

    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private readonly PartitionedRateLimiter<string> _personWrites;
    private readonly PartitionedRateLimiter<string> _miniAppSignIns;
    private readonly KeyedBudget _keyNewChats;
    private readonly KeyedBudget _failedSignIns;

    public RateLimits(IOptions<RateLimitOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        var limits = options.Value;
        _personWrites = PerMinute(limits.PersonWritesPerMinute);
        _miniAppSignIns = PerMinute(limits.MiniAppSignInsPerMinute);
        _keyNewChats = new KeyedBudget(limits.KeyNewChatsPerMinute, Minute, MaxKeysPerMinute, time);
        _failedSignIns = new KeyedBudget(limits.MiniAppFailedSignInsPerMinute, Minute, MaxKeysPerMinute, time);
    }

    public RateLimits(IOptions<RateLimitOptions> options)
        : this(options, TimeProvider.System)
    {
    }

    /// <summary>Takes one of a Telegram user's Mini App sign-ins; false (with when to try again) past the limit.</summary>
    public bool TryMiniAppSignIn(string userId, out TimeSpan retryAfter) => TryTake(_miniAppSignIns, userId, out retryAfter);

    /// <summary>Takes one of the chat's writes; false (with when to try again) when its budget is spent.</summary>
    public bool TryPersonWrite(string chatId, out TimeSpan retryAfter) => TryTake(_personWrites, chatId, out retryAfter);

    /// <summary>
    /// Takes one of the key's new chats before the store is asked to create one; false (with when
    /// to try again) when the minute's are spent. Give it back with <see cref="ChatExisted"/> when
    /// the chat was not new, so parallel calls can never create more than the budget.
    /// </summary>
    public bool TryTakeNewChat(string keyId, out KeyedBudget.Permit permit, out TimeSpan retryAfter) =>
        _keyNewChats.TryTake(keyId, out permit, out retryAfter);

    /// <summary>The chat a permit was taken for already existed: the permit is given back.</summary>
    public void ChatExisted(KeyedBudget.Permit permit) => _keyNewChats.GiveBack(permit);

    /// <summary>
    /// Counts a failed Mini App sign-in from this client address (an IPv6 address by its /64, what
    /// one host is usually given); false (with when to try again) once the minute's are spent.
    /// </summary>
    public bool TryFailedSignIn(IPAddress? address, out TimeSpan retryAfter) =>
        _failedSignIns.TryTake(KeyOf(address), out _, out retryAfter);

    public void Dispose()
    {
        _personWrites.Dispose();
        _miniAppSignIns.Dispose();
    }

    private static string KeyOf(IPAddress? address)
    {
        if (address is null)
        {
            return "no address";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var prefix = address.GetAddressBytes();
        Array.Clear(prefix, 8, 8);
        return new IPAddress(prefix) + "/64";
    }

    private static bool TryTake(PartitionedRateLimiter<string> limiter, string partition, out TimeSpan retryAfter)
    {
        using var lease = limiter.AttemptAcquire(partition);
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        return lease.IsAcquired;
    }

    // A partition is dropped by the limiter once its bucket is full again and has been idle for
    // 10 s (DefaultPartitionedRateLimiter's heartbeat): at most 70 s after its last use.
    private static PartitionedRateLimiter<string> PerMinute(int permits) =>
        PartitionedRateLimiter.Create<string, string>(partition => RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = permits,
            TokensPerPeriod = permits,
            ReplenishmentPeriod = Minute,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
}
