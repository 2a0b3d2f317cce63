using System.Net;
using MovieRec.Testing;

namespace MovieRec.Api.Tests;

/// <summary>
/// A standalone host without API_KEYS serves this machine only: a request a proxy forwarded is not
/// local, whatever address it arrives from, and a request addressed to another name is refused
/// (DNS rebinding). The in-process host, with requests arriving from loopback as through a proxy
/// on this machine.
/// </summary>
public sealed class LoopbackTests
{
    [Theory]
    [InlineData("Forwarded", "for=203.0.113.7")]
    [InlineData("X-Forwarded-For", "203.0.113.7")]
    [InlineData("X-Forwarded-For", "127.0.0.1")]
    [InlineData("X-Forwarded-Host", "movierec.example")]
    [InlineData("X-Forwarded-Proto", "https")]
    [InlineData("X-Real-IP", "203.0.113.7")]
    [InlineData("CF-Connecting-IP", "203.0.113.7")]
    public async Task A_request_a_proxy_forwarded_is_not_local_and_gets_401_without_a_key(string header, string value)
    {
        await using var api = InProcessApi.With(new Dictionary<string, string>(), IPAddress.Loopback);

        var (status, body) = await api.Client.PostTextAsync("/register", "{\"chat_id\": \"proxied\"}", headers: new Dictionary<string, string> { [header] = value });

        Assert.Equal(401, status);
        Assert.Equal(RouteMapping.KeyRequired, body.GetProperty("error").GetString());
        Assert.Equal(0, api.Store.Calls);
    }

    [Fact]
    public async Task A_local_request_through_no_proxy_is_still_served_without_a_key()
    {
        await using var api = InProcessApi.With(new Dictionary<string, string>(), IPAddress.IPv6Loopback);

        var (status, body) = await api.PostAsync("/register", new { chat_id = "local" });

        Assert.Equal((200, 0), (status, body.GetProperty("exists").GetInt32()));
    }

    [Fact]
    public async Task A_forwarded_request_with_a_key_is_served()
    {
        await using var api = InProcessApi.With(new Dictionary<string, string> { ["API_KEYS"] = "loopback-tests-key-0123456789" }, IPAddress.Loopback);

        var (status, _) = await api.Client.PostTextAsync(
            "/register",
            "{\"chat_id\": \"proxied\"}",
            headers: new Dictionary<string, string> { ["X-Forwarded-For"] = "203.0.113.7", ["x-functions-key"] = "loopback-tests-key-0123456789" });

        Assert.Equal(200, status);
    }

    [Theory]
    [InlineData("evil.example", "/register")]
    [InlineData("evil.example:7071", "/health")]
    [InlineData("127.0.0.1.evil.example", "/app")]
    [InlineData("0.0.0.0:7071", "/register")]
    public async Task Without_api_keys_a_request_addressed_to_another_host_is_refused_with_a_json_400(string host, string path)
    {
        await using var api = InProcessApi.With(new Dictionary<string, string>(), IPAddress.Loopback);
        using var request = new HttpRequestMessage(path == "/register" ? HttpMethod.Post : HttpMethod.Get, path);
        request.Headers.Host = host;
        if (path == "/register")
        {
            request.Content = new StringContent("{\"chat_id\": \"rebound\"}", System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await api.Client.SendAsync(request);
        var body = await ApiCalls.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(LoopbackHosts.Refusal, body.GetProperty("error").GetString());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(0, api.Store.Calls);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1:7071")]
    [InlineData("[::1]:7071")]
    [InlineData("LOCALHOST:80")]
    public async Task Without_api_keys_a_request_addressed_to_loopback_is_served(string host)
    {
        await using var api = InProcessApi.With(new Dictionary<string, string>(), IPAddress.Loopback);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Host = host;

        using var response = await api.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task With_api_keys_any_host_name_is_answered()
    {
        await using var api = InProcessApi.With(new Dictionary<string, string> { ["API_KEYS"] = "loopback-tests-key-0123456789" }, IPAddress.Parse("203.0.113.7"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Host = "movierec.example";

        using var response = await api.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
