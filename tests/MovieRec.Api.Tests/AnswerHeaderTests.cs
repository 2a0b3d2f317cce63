using System.Net;
using MovieRec.Testing;

namespace MovieRec.Api.Tests;

/// <summary>Every answer of the standalone host tells the browser not to sniff its type: JSON, errors of every kind, the Mini App's page and files.</summary>
public sealed class AnswerHeaderTests
{
    private const string Key = "answer-header-tests-key-0123";

    [Theory]
    [InlineData("GET", "/health", null, true, 200)]
    [InlineData("POST", "/register", "{\"chat_id\": \"headers\"}", true, 200)]
    [InlineData("POST", "/register", "{\"chat_id\": ", true, 400)]
    [InlineData("POST", "/register", "{\"chat_id\": \"headers\"}", false, 401)]
    [InlineData("POST", "/register", "{\"chat_id\": \"x\", \"pad\": \"LONG\"}", true, 413)]
    [InlineData("GET", "/no/such/route", null, true, 404)]
    [InlineData("GET", "/register", null, true, 405)]
    [InlineData("GET", "/app", null, false, 200)]
    [InlineData("GET", "/app/app.js", null, false, 200)]
    [InlineData("GET", "/app/app.css", null, false, 200)]
    [InlineData("GET", "/app/secrets.txt", null, false, 404)]
    [InlineData("POST", "/app/api/me", "{}", false, 401)]
    [InlineData("POST", "/telegram/webhook", "{\"update_id\": 1}", false, 401)]
    public async Task Every_kind_of_answer_says_nosniff(string method, string path, string? json, bool withKey, int status)
    {
        await using var api = InProcessApi.With(new Dictionary<string, string>
        {
            ["API_KEYS"] = Key,
            ["TELEGRAM_BOT_TOKEN"] = "123456789:AAbbccddeeffgghhiijjkkllmmnnooppqq",
            ["TELEGRAM_WEBHOOK_SECRET"] = "answer-header-tests-secret",
        });
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (json is not null)
        {
            request.Content = new StringContent(json.Replace("LONG", new string('x', 20_000), StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json");
        }

        if (withKey)
        {
            request.Headers.Add("x-functions-key", Key);
        }

        using var response = await api.Client.SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
    }

    [Fact]
    public async Task A_rate_limited_answer_says_nosniff()
    {
        await using var api = InProcessApi.With(
            new Dictionary<string, string> { ["API_KEYS"] = Key, ["RATE_LIMIT_KEY_NEW_CHATS_PER_MINUTE"] = "1" }, IPAddress.Loopback, new ManualClock());
        await api.Client.PostTextAsync("/register", "{\"chat_id\": \"first\"}", headers: new Dictionary<string, string> { ["x-functions-key"] = Key });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/register") { Content = new StringContent("{\"chat_id\": \"second\"}", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("x-functions-key", Key);

        using var response = await api.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
    }
}
