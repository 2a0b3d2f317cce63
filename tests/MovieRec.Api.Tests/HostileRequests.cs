using System.Text;
using CsCheck;

namespace MovieRec.Api.Tests;

/// <summary>One generated request: method, path, content type, extra headers and body bytes.</summary>
public sealed record HostileRequest(string Method, string Path, string? ContentType, (string Name, string Value)[] Headers, byte[] Body)
{
    public override string ToString() =>
        $"{Method} {Path} [{ContentType ?? "no content type"}; {string.Join("; ", Headers.Select(h => $"{h.Name}: {h.Value[..Math.Min(h.Value.Length, 40)]}"))}] {Encoding.UTF8.GetString(Body[..Math.Min(Body.Length, 300)])}{(Body.Length > 300 ? $"… ({Body.Length} bytes)" : "")}";
}

/// <summary>
/// Generators of requests a careless or hostile client sends: valid bodies for fresh users, JSON
/// objects of hostile values (wrong types, numbers at the edges, lone surrogates, control
/// characters, nesting past the limit, duplicate keys), raw bytes that are not UTF-8 or not JSON,
/// bodies around the 16 KiB limit, odd methods, paths and content types. The canary users appear
/// only in requests that cannot rate or skip (an invalid movie_id and rating), so any change to
/// their ratings is a change made by a request that should have been refused.
/// </summary>
public static class HostileRequests
{
    public static readonly string[] Canaries = ["canary-a", "canary-b"];

    private static readonly string[] ApiPaths = ["/register", "/get_unrated_movie", "/rate_movie", "/rate", "/skip_movie", "/recommend"];

    private static readonly Gen<string> Path = Gen.Frequency(
        (12, Gen.OneOf(ApiPaths)),
        (1, Gen.OneOf("/health", "/", "//register", "/register/", "/REGISTER", "/telegram/webhook", "/nope", "/recommend?top_n=5", "/rate_movie%20", "/..%2fregister")));

    private static readonly Gen<string> Method = Gen.Frequency(
        (12, Gen.Const("POST")),
        (1, Gen.OneOf("GET", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD")));

    private static readonly Gen<string?> ContentType = Gen.Frequency(
        (12, Gen.Const<string?>("application/json")),
        (2, Gen.Const<string?>("application/json; charset=utf-8")),
        (1, Gen.OneOf<string?>("text/plain", null, "application/x-www-form-urlencoded", "application/json; charset=latin1", "application/problem+json", "multipart/form-data; boundary=x")));

    private static readonly Gen<string> Number = Gen.OneOf(
        Gen.OneOf("0", "-0", "1", "-1", "2147483647", "2147483648", "-2147483649", "9223372036854775807", "1e308", "1e309", "-1e-400",
            "0.5", "4.5", "5.0000000001", "3.14159", "1E2", "00", "1.", ".5", "NaN", "Infinity", "0x10", "+1"),
        Gen.Int[-100, 200_000].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.Double.Select(d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));

    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.OneOf("\"\"", "\"\\ud800\"", "\"\\udc00x\"", "\"a\\ud83d\"", "\"😀\"", "\"\\u0000\"", "\"a\\nb\"", "\"élève\"", "\"12\"", "\"4.5\"",
            "\"" + new string('x', 65) + "\"", "\"x1\"", "\"-100123\"", "\"a/b\"", "\"tab\\there\"", "\"\\\"quoted\\\"\"", "\"\\uFFFF\"", "\"\\uD83D\\uDE00\""),
        Gen.String[Gen.Char['\0', '\uffff'], 0, 30].Select(s => System.Text.Json.JsonSerializer.Serialize(s)));

    private static readonly Gen<string> Scalar = Gen.Frequency(
        (4, Number), (4, Text), (1, Gen.OneOf("true", "false", "null")));

    private static readonly Gen<string> Value = Gen.Frequency(
        (8, Scalar),
        (1, Scalar.Array[0, 4].Select(items => $"[{string.Join(",", items)}]")),
        (1, Gen.Int[30, 40].Select(depth => new string('[', depth) + new string(']', depth))),
        (1, Scalar.Select(v => $"{{\"chat_id\": {v}}}")));

    private static readonly Gen<string> Key = Gen.OneOf("chat_id", "movie_id", "rating", "top_n", "\\ud800", "", "x", "Chat_Id", "chat_id ");

    private static readonly Gen<string> HostileObject =
        Gen.Select(Gen.Select(Key, Value).Array[0, 6], Gen.OneOf(Canaries).Array[0, 1], (fields, canary) =>
        {
            var pairs = fields.Select(f => $"\"{f.Item1}\": {f.Item2}").ToList();
            if (canary.Length > 0)
            {
                // A canary only in a request that cannot write: no other chat_id, a movie id and a rating no route accepts.
                pairs.RemoveAll(p => p.StartsWith("\"chat_id\"", StringComparison.Ordinal) || p.StartsWith("\"movie_id\"", StringComparison.Ordinal) || p.StartsWith("\"rating\"", StringComparison.Ordinal));
                pairs.Add($"\"chat_id\": \"{canary[0]}\"");
                pairs.Add("\"movie_id\": \"318\"");
                pairs.Add("\"rating\": 6");
            }

            return "{" + string.Join(", ", pairs) + "}";
        });

    private static readonly Gen<string> ValidBody = Gen.Select(
        Gen.Int[1, 1_000_000], Gen.OneOf(1, 2, 296, 318, 593, 2571), Gen.Int[1, 10], Gen.Int[1, 100],
        (user, movie, halfStars, topN) =>
            $"{{\"chat_id\": \"gen-{user}\", \"movie_id\": {movie}, \"rating\": {halfStars / 2.0:0.0}, \"top_n\": {topN}}}");

    private static readonly Gen<byte[]> RawBytes = Gen.OneOf(
        Gen.Byte.Array[0, 64],
        Gen.OneOf(
            Encoding.Latin1.GetBytes("{\"chat_id\":\"café\"}"),
            [0x7B, 0x22, 0x63, 0x68, 0x61, 0x74, 0x5F, 0x69, 0x64, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D],
            [0xEF, 0xBB, 0xBF, 0x7B, 0x7D],
            Encoding.UTF8.GetBytes("{\"chat_id\": \"x1\""),
            Encoding.UTF8.GetBytes("{\"chat_id\": \"x1\",}"),
            Encoding.UTF8.GetBytes("{'chat_id': 'x1'}"),
            Encoding.UTF8.GetBytes("chat_id=x1"),
            Encoding.Unicode.GetBytes("{\"chat_id\": \"x1\"}")));

    /// <summary>A valid-looking body padded to just under, at and just over the 16 KiB limit.</summary>
    private static readonly Gen<byte[]> NearLimit = Gen.Int[-3, 3].Select(delta =>
    {
        const string head = "{\"chat_id\": \"x1\", \"pad\": \"";
        const string tail = "\"}";
        var pad = new string('p', 16 * 1024 - head.Length - tail.Length + delta);
        return Encoding.UTF8.GetBytes(head + pad + tail);
    });

    private static readonly Gen<(string Name, string Value)> Header = Gen.OneOf(
        ("Accept", "text/html"),
        ("Accept", "*/*;q=0.1, application/xml"),
        ("Content-Encoding", "gzip"),
        ("X-Forwarded-For", "not an address, 999.1.1.1"),
        ("X-Telegram-Bot-Api-Secret-Token", "guess"),
        ("Authorization", "Bearer nonsense"),
        ("Cookie", "a=" + new string('c', 4000)),
        ("X-Long", new string('v', 8000)),
        ("Accept-Charset", "latin1"),
        ("Range", "bytes=0-1"));

    public static Gen<HostileRequest> Any { get; } = Gen.Select(
        Method,
        Path,
        ContentType,
        Header.Array[0, 3],
        Gen.Frequency(
            (3, ValidBody.Select(Encoding.UTF8.GetBytes)),
            (8, HostileObject.Select(Encoding.UTF8.GetBytes)),
            (2, RawBytes),
            (1, NearLimit)),
        (method, path, contentType, headers, body) => new HostileRequest(method, path, contentType, headers, body));
}
