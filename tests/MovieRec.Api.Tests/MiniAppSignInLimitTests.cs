using System.Net;
using Microsoft.Extensions.Options;
using MovieRec.Bot;
using MovieRec.Service;
using MovieRec.Testing;

namespace MovieRec.Api.Tests;

/// <summary>The Mini App's sign-in on the in-process host: how old initData may be, and failed sign-ins metered per client address.</summary>
public sealed class MiniAppSignInLimitTests
{
    private const string Token = "123456789:AAbbccddeeffgghhiijjkkllmmnnooppqq";

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["TELEGRAM_BOT_TOKEN"] = Token,
        ["TELEGRAM_WEBHOOK_SECRET"] = "sign-in-limit-tests-secret",
        ["API_KEYS"] = "sign-in-limit-tests-key-0123",
    };

    [Fact]
    public async Task Without_a_setting_init_data_signed_more_than_an_hour_ago_is_refused()
    {
        var clock = new ManualClock();
        await using var api = InProcessApi.With(Settings, clock: clock);

        var fresh = await MeAsync(api, MiniAppInitData.Sign(Token, 4242, clock.GetUtcNow() - TimeSpan.FromMinutes(59)));
        var stale = await MeAsync(api, MiniAppInitData.Sign(Token, 4242, clock.GetUtcNow() - TimeSpan.FromMinutes(61)));

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
    }

    [Fact]
    public async Task Failed_sign_ins_past_ten_a_minute_from_one_address_get_429_with_retry_after_and_a_valid_sign_in_still_works()
    {
        var clock = new ManualClock();
        await using var api = InProcessApi.With(Settings, IPAddress.Parse("203.0.113.9"), clock);
        var forged = MiniAppInitData.Sign("987654321:AAbbccddeeffgghhiijjkkllmmnnooppqq", 4242, clock.GetUtcNow());

        var failures = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 10; attempt++)
        {
            using var failed = await MeAsync(api, forged);
            failures.Add(failed.StatusCode);
        }

        clock.Advance(TimeSpan.FromSeconds(20));
        using var metered = await MeAsync(api, forged);
        using var valid = await MeAsync(api, MiniAppInitData.Sign(Token, 4242, clock.GetUtcNow()));
        clock.Advance(TimeSpan.FromSeconds(40));
        using var nextMinute = await MeAsync(api, forged);

        Assert.All(failures, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, metered.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(40), metered.Headers.RetryAfter?.Delta);
        Assert.Contains("Too many failed sign-ins", await metered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, nextMinute.StatusCode);
    }

    [Fact]
    public void Failed_sign_ins_are_counted_per_ipv4_address_and_per_ipv6_64()
    {
        using var limits = new RateLimits(Options.Create(new RateLimitOptions { MiniAppFailedSignInsPerMinute = 2 }), new ManualClock());
        bool Fail(string address) => limits.TryFailedSignIn(IPAddress.Parse(address), out _);

        Assert.Equal([true, true, false], new[] { Fail("2001:db8:1:2::10"), Fail("2001:db8:1:2::10"), Fail("2001:db8:1:2:ffff::99") });
        Assert.True(Fail("2001:db8:1:3::10"));
        Assert.Equal([true, true, false], new[] { Fail("203.0.113.9"), Fail("203.0.113.9"), Fail("::ffff:203.0.113.9") });
        Assert.True(Fail("203.0.113.10"));
    }

    [Fact]
    public void The_failed_sign_in_count_holds_at_most_ten_thousand_addresses_a_minute()
    {
        var clock = new ManualClock();
        using var limits = new RateLimits(Options.Create(new RateLimitOptions()), clock);
        var addresses = Enumerable.Range(0, RateLimits.MaxKeysPerMinute + 1).Select(i => new IPAddress([10, (byte)(i >> 16), (byte)(i >> 8), (byte)i])).ToList();

        var counted = addresses.Take(RateLimits.MaxKeysPerMinute).Count(a => limits.TryFailedSignIn(a, out _));
        var oneMore = limits.TryFailedSignIn(addresses[^1], out var wait);
        clock.Advance(wait);
        var nextMinute = limits.TryFailedSignIn(addresses[^1], out _);

        Assert.Equal(10_000, counted);
        Assert.False(oneMore);
        Assert.True(nextMinute);
    }

    private static Task<HttpResponseMessage> MeAsync(InProcessApi api, string initData)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/app/api/me") { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Authorization", "tma " + initData);
        return api.Client.SendAsync(request);
    }
}
