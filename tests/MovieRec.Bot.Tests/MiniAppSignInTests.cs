using Microsoft.Extensions.Options;
using MovieRec.Testing;

namespace MovieRec.Bot.Tests;

/// <summary>
/// Telegram's Mini App sign-in, against a vector computed apart from this code (Python's hmac and
/// urllib, as Telegram's documentation describes the check):
/// data-check-string "auth_date=1764590400\nquery_id=AAHdF6IQAAAAAN0XohDhrOrc\nuser={…}", key
/// HMAC-SHA256("WebAppData", token), hash HMAC-SHA256(key, data-check-string) in hex.
/// </summary>
public class MiniAppSignInTests
{
    private const string Token = "123456789:AAbbccddeeffgghhiijjkkllmmnnooppqq";

    private const string Signed =
        "auth_date=1764590400&query_id=AAHdF6IQAAAAAN0XohDhrOrc&user=%7B%22id%22%3A4242%2C%22first_name%22%3A%22Ada%22%2C%22language_code%22%3A%22en%22%7D" +
        "&hash=14ea803036b85170b9f53520a141433845961e6d14f2c3e55c4ed24b3738ac15";

    /// <summary>
    /// initData as Telegram has sent it since 2024, with its Ed25519 <c>signature</c> (for third
    /// parties, who check it with Telegram's public key; this app holds the token and checks the
    /// hash). The hash covers every field but itself, signature included, as Telegram's
    /// "Validating data received via the Mini App" says ("a chain of all received fields"). Computed
    /// with Python's hmac apart from this code:
    /// data-check-string "auth_date=1764590400\nchat_instance=-8134722200314281151\nchat_type=private\n
    /// signature=bWsd…tG9Q\nuser={\"id\":4242,\"first_name\":\"Ada\",\"language_code\":\"en\",\"allows_write_to_pm\":true}",
    /// hash 7c089d2f…9aee; without the signature line it would be a05c176a…1311, which must not pass.
    /// </summary>
    private const string SignedWithSignature =
        "auth_date=1764590400&chat_instance=-8134722200314281151&chat_type=private" +
        "&signature=bWsd36PUVwp4z_TQw_9JzKDzPjPFMYeATZ7IyE0czEYLf6zto5jxpayK8itK1IaRRjPDqTfDvH6DYWwNJMtG9Q" +
        "&user=%7B%22id%22%3A4242%2C%22first_name%22%3A%22Ada%22%2C%22language_code%22%3A%22en%22%2C%22allows_write_to_pm%22%3Atrue%7D";

    private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(1764590400);

    [Fact]
    public void Init_data_with_telegrams_signature_field_is_checked_with_the_signature_in_the_data_check_string()
    {
        var signIn = SignIn(SignedAt.AddMinutes(30));

        Assert.True(signIn.TryValidate(SignedWithSignature + "&hash=7c089d2f8cc3f7fd53a546f4edbb6360dfea7308190c15be01f2e04aa3499aee", out var user));
        Assert.Equal(4242, user);
        Assert.False(signIn.TryValidate(SignedWithSignature + "&hash=a05c176a5d325ce5426522a3573d9ddf6a8283ef086e0eefe4cfe9fe2fe91311", out _));
        Assert.False(signIn.TryValidate(
            SignedWithSignature.Replace("signature=bWsd", "signature=bWse", StringComparison.Ordinal) + "&hash=7c089d2f8cc3f7fd53a546f4edbb6360dfea7308190c15be01f2e04aa3499aee", out _));
    }

    [Fact]
    public void Without_a_setting_init_data_older_than_an_hour_is_refused()
    {
        Assert.True(SignIn(SignedAt.AddMinutes(59), maxAge: MiniAppOptions.DefaultAuthMaxAge).TryValidate(Signed, out _));
        Assert.False(SignIn(SignedAt.AddMinutes(61), maxAge: MiniAppOptions.DefaultAuthMaxAge).TryValidate(Signed, out _));
    }

    [Fact]
    public void Signed_init_data_gives_the_signed_user_id()
    {
        Assert.True(SignIn(SignedAt.AddMinutes(30)).TryValidate(Signed, out var user));
        Assert.Equal(4242, user);
    }

    [Fact]
    public void The_fields_may_come_in_any_order()
    {
        var reordered = string.Join('&', Signed.Split('&').Reverse());

        Assert.True(SignIn(SignedAt.AddMinutes(30)).TryValidate(reordered, out var user));
        Assert.Equal(4242, user);
    }

    [Theory]
    [InlineData("%22id%22%3A4242", "%22id%22%3A4243")]
    [InlineData("auth_date=1764590400", "auth_date=1764590401")]
    [InlineData("hash=14ea", "hash=14eb")]
    [InlineData("&hash=14ea803036b85170b9f53520a141433845961e6d14f2c3e55c4ed24b3738ac15", "")]
    [InlineData("&hash=", "&hash=&hash=")]
    [InlineData("query_id=", "query_id=x&query_id=")]
    public void Altered_or_incomplete_init_data_is_refused(string part, string replacement)
    {
        Assert.False(SignIn(SignedAt.AddMinutes(30)).TryValidate(Signed.Replace(part, replacement, StringComparison.Ordinal), out _));
    }

    [Fact]
    public void Another_bots_token_does_not_sign_it()
    {
        Assert.False(SignIn(SignedAt.AddMinutes(30), token: "123456789:AAbbccddeeffgghhiijjkkllmmnnooppqr").TryValidate(Signed, out _));
    }

    [Theory]
    [InlineData(24 * 60 + 1, 24 * 60)]
    [InlineData(31, 30)]
    [InlineData(-2, 24 * 60)]
    public void Init_data_older_than_the_max_age_or_from_the_future_is_refused(int minutesAfterSigning, int maxAgeMinutes)
    {
        Assert.False(SignIn(SignedAt.AddMinutes(minutesAfterSigning), maxAge: TimeSpan.FromMinutes(maxAgeMinutes)).TryValidate(Signed, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("hash=")]
    [InlineData("not init data at all")]
    public void Nonsense_is_refused(string initData)
    {
        Assert.False(SignIn(SignedAt).TryValidate(initData, out _));
    }

    private static MiniAppSignIn SignIn(DateTimeOffset now, string token = Token, TimeSpan? maxAge = null)
    {
        var clock = new ManualClock();
        clock.Advance(now - clock.GetUtcNow());
        return new MiniAppSignIn(
            Options.Create(new BotOptions { Token = token }), Options.Create(new MiniAppOptions { AuthMaxAge = maxAge ?? MiniAppOptions.DefaultAuthMaxAge }), clock);
    }
}
