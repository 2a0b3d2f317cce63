using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace MovieRec.Testing;

/// <summary>Calls to the MovieRec API that return the status and the parsed JSON answer, for either host.</summary>
public static class ApiCalls
{
    /// <summary>POSTs a JSON body given as text (so tests can send anything).</summary>
    public static async Task<(int Status, JsonElement Body)> PostTextAsync(
        this HttpClient client, string path, string json, string contentType = "application/json", IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8) };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.Add(name, value);
        }

        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, await ReadJsonAsync(response));
    }

    public static async Task<(int Status, JsonElement Body)> PostObjectAsync(this HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        return ((int)response.StatusCode, await ReadJsonAsync(response));
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
