using System.Net;
using System.Text;
using System.Text.Json;
using Json.Schema;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace MovieRec.Api.Tests;

/// <summary>
/// GET /openapi.json: read by a real OpenAPI 3.1 reader, holding exactly the route table, and true
/// to the API: what contract calls send and get back validates against the document's schemas
/// for that route and status (JSON Schema draft 2020-12, as OpenAPI 3.1 uses).
/// </summary>
public class OpenApiTests(InProcessApi api) : IClassFixture<InProcessApi>
{
    private static readonly Uri DocumentUri = new("https://movierec.test/openapi.json");

    [Fact]
    public async Task The_document_is_openapi_3_1_that_a_real_reader_reads_without_errors_or_rule_violations()
    {
        var text = await DocumentTextAsync();

        var read = Microsoft.OpenApi.OpenApiDocument.Parse(text, "json");

        Assert.Empty(read.Diagnostic!.Errors);
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, read.Diagnostic.SpecificationVersion);
        Assert.StartsWith("3.1.", JsonDocument.Parse(text).RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Empty(read.Document!.Validate(ValidationRuleSet.GetDefaultRuleSet())!);
    }

    [Fact]
    public async Task Its_paths_and_methods_are_exactly_the_route_table()
    {
        var read = Microsoft.OpenApi.OpenApiDocument.Parse(await DocumentTextAsync(), "json");

        var described = read.Document!.Paths
            .SelectMany(path => path.Value.Operations!.Keys.Select(method => $"{method.Method.ToUpperInvariant()} {path.Key}"))
            .Order(StringComparer.Ordinal);
        var routes = ApiRoutes.All.Select(route => $"{route.Method} /{route.Path}").Order(StringComparer.Ordinal);

        Assert.Equal(routes, described);
    }

    [Fact]
    public async Task Key_holder_routes_ask_for_the_function_key_the_mini_app_for_signed_init_data_and_anonymous_routes_for_nothing()
    {
        var read = Microsoft.OpenApi.OpenApiDocument.Parse(await DocumentTextAsync(), "json");

        var expected = ApiRoutes.All.ToDictionary(
            route => $"{route.Method} /{route.Path}",
            route => route.Access switch
            {
                ApiAccess.KeyHolders => "x-functions-key in header",
                ApiAccess.SignedInPeople => "Authorization in header",
                _ => "none",
            });
        var described = read.Document!.Paths
            .SelectMany(path => path.Value.Operations!.Select(operation => (
                Route: $"{operation.Key.Method.ToUpperInvariant()} {path.Key}",
                Security: operation.Value.Security is { Count: > 0 } security
                    ? string.Join(", ", security.SelectMany(requirement => requirement.Keys).Select(scheme => $"{scheme.Name} in {scheme.In?.ToString().ToLowerInvariant()}"))
                    : "none")))
            .ToDictionary(d => d.Route, d => d.Security);

        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), described.OrderBy(d => d.Key, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_429_and_503_answer_carries_retry_after_and_every_error_is_an_error_answer()
    {
        using var document = JsonDocument.Parse(await DocumentTextAsync());

        var errors = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject())
            .SelectMany(operation => operation.Value.GetProperty("responses").EnumerateObject())
            .Where(response => response.Name != "200")
            .ToList();

        Assert.NotEmpty(errors);
        Assert.All(errors, error => Assert.Equal(
            "#/components/schemas/ErrorAnswer",
            error.Value.GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()));
        Assert.All(
            errors.Where(error => error.Name is "429" or "503"),
            error => Assert.True(error.Value.GetProperty("headers").TryGetProperty("Retry-After", out _), error.Name));
        Assert.Equal(
            """{"type":"object","properties":{"error":{"type":"string"}},"required":["error"]}""",
            document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("ErrorAnswer").GetRawText());
    }

    [Fact]
    public async Task Every_example_in_the_document_validates_against_its_own_schema()
    {
        var contract = await ContractAsync();
        using var document = JsonDocument.Parse(await DocumentTextAsync());

        var checkedExamples = 0;
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var pointer = $"/paths/{Escape(path.Name)}/{operation.Name}";
                if (operation.Value.TryGetProperty("requestBody", out var body))
                {
                    contract.AssertValid(pointer + "/requestBody/content/application~1json/schema", body.GetProperty("content").GetProperty("application/json").GetProperty("example"));
                    checkedExamples++;
                }

                if (operation.Value.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("application/json", out var answer)
                    && answer.TryGetProperty("schema", out _))
                {
                    var examples = answer.TryGetProperty("example", out var one) ? [one] : answer.GetProperty("examples").EnumerateObject().Select(e => e.Value.GetProperty("value")).ToList();
                    foreach (var example in examples)
                    {
                        contract.AssertValid(pointer + "/responses/200/content/application~1json/schema", example);
                        checkedExamples++;
                    }
                }
            }
        }

        // 11 JSON routes (request and answer each), the webhook (both), /health's answer, the Mini App's 10 calls (both).
        Assert.Equal((11 * 2) + 2 + 1 + (10 * 2), checkedExamples);
    }

    [Fact]
    public async Task What_contract_calls_send_and_receive_validates_against_the_schema_of_their_route_and_status()
    {
        var contract = await ContractAsync();
        var chat = ApiFixture.NewChatId();
        var number = Random.Shared.NextInt64(1_000_000_000, 9_000_000_000);

        await contract.CallAsync("POST", "/register", $$"""{"chat_id": "{{chat}}"}""", 200);
        await contract.CallAsync("POST", "/register", $$"""{"chat_id": "{{chat}}"}""", 200);
        await contract.CallAsync("POST", "/register", $$"""{"chat_id": {{number}}}""", 200);
        await contract.CallAsync("POST", "/recommend", $$"""{"chat_id": "{{chat}}"}""", 200);
        var rated = new List<int>();
        for (var i = 0; i < 10; i++)
        {
            var offered = await contract.CallAsync("POST", "/get_unrated_movie", $$"""{"chat_id": "{{chat}}"}""", 200);
            var movie = offered.GetProperty("id").GetInt32();
            var route = i % 2 == 0 ? "/rate_movie" : "/rate";
            await contract.CallAsync("POST", route, $$"""{"chat_id": "{{chat}}", "movie_id": {{movie}}, "rating": {{(0.5 + (i * 0.5)).ToString(System.Globalization.CultureInfo.InvariantCulture)}}}""", 200);
            rated.Add(movie);
        }

        var skipped = (await contract.CallAsync("POST", "/get_unrated_movie", $$"""{"chat_id": "{{chat}}"}""", 200)).GetProperty("id").GetInt32();
        await contract.CallAsync("POST", "/skip_movie", $$"""{"chat_id": "{{chat}}", "movie_id": {{skipped}}}""", 200);
        var recommended = await contract.CallAsync("POST", "/recommend", $$"""{"chat_id": "{{chat}}", "top_n": 5, "genres": ["Comedy", "drama"]}""", 200);
        await contract.CallAsync("POST", "/search_movies", $$"""{"query": "toy story", "limit": 3, "chat_id": "{{chat}}"}""", 200);
        await contract.CallAsync("POST", "/search_movies", """{"query": "matrix 1999"}""", 200);
        await contract.CallAsync("POST", "/my_ratings", $$"""{"chat_id": "{{chat}}", "offset": 0, "limit": 5}""", 200);
        await contract.CallAsync("POST", "/unrate_movie", $$"""{"chat_id": "{{chat}}", "movie_id": {{rated[0]}}}""", 200);
        await contract.CallAsync("POST", "/unrate_movie", $$"""{"chat_id": "{{chat}}", "movie_id": {{skipped}}}""", 200);
        await contract.CallAsync("POST", "/forget", $$"""{"chat_id": "{{chat}}"}""", 200);
        await contract.CallAsync("GET", "/health", null, 200);

        await contract.CallAsync("POST", "/register", """{"chat_id": "42",""", 400);
        await contract.CallAsync("POST", "/recommend", $$"""{"chat_id": "{{chat}}", "genres": ["Western Noir"]}""", 400);
        await contract.CallAsync("POST", "/get_unrated_movie", $$"""{"chat_id": "{{ApiFixture.NewChatId()}}"}""", 404);
        await contract.CallAsync("POST", "/my_ratings", $$"""{"chat_id": "{{chat}}"}""", 404);
        await contract.CallAsync("GET", "/register", null, 405);
        await contract.CallAsync("POST", "/register", $$"""{"chat_id": "{{new string('a', 20 * 1024)}}"}""", 413);
        await contract.CallAsync("POST", "/register", """{"chat_id": "42"}""", 415, "text/plain");

        Assert.Equal(5, recommended.GetProperty("movies").GetArrayLength());
    }

    [Theory]
    [InlineData("/register", """{"chat_id": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}""")]
    [InlineData("/register", """{"chat_id": "has space"}""")]
    [InlineData("/register", """{"chat_id": 1.5}""")]
    [InlineData("/register", """{}""")]
    [InlineData("/rate_movie", """{"chat_id": "42", "movie_id": 1, "rating": 4.25}""")]
    [InlineData("/rate_movie", """{"chat_id": "42", "movie_id": 0, "rating": 4}""")]
    [InlineData("/recommend", """{"chat_id": "42", "top_n": 101}""")]
    [InlineData("/recommend", """{"chat_id": "42", "genres": "Comedy"}""")]
    [InlineData("/search_movies", """{"query": "   "}""")]
    [InlineData("/my_ratings", """{"chat_id": "42", "offset": -1}""")]
    public async Task A_request_that_breaks_the_schema_is_refused_by_the_schema_and_by_the_api(string route, string body)
    {
        var contract = await ContractAsync();

        var bySchema = contract.Evaluate($"/paths/{Escape(route)}/post/requestBody/content/application~1json/schema", JsonDocument.Parse(body).RootElement);
        var (status, answer) = await api.PostAsync(route, body);

        Assert.False(bySchema.IsValid);
        Assert.Equal(400, status);
        Assert.True(contract.Evaluate($"/paths/{Escape(route)}/post/responses/400/content/application~1json/schema", answer).IsValid);
    }

    [Fact]
    public async Task The_document_is_served_as_json_to_anyone_even_where_api_keys_are_required()
    {
        await using var keyed = InProcessApi.With(
            new Dictionary<string, string> { ["API_KEYS"] = "a-key-of-sixteen-characters-or-more" }, IPAddress.Parse("203.0.113.7"));

        using var document = await keyed.Client.GetAsync("/openapi.json");
        var (registerStatus, _) = await keyed.PostAsync("/register", """{"chat_id": "42"}""");

        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.Equal("application/json", document.Content.Headers.ContentType?.MediaType);
        Assert.Equal("MovieRec", JsonDocument.Parse(await document.Content.ReadAsStringAsync()).RootElement.GetProperty("info").GetProperty("title").GetString());
        Assert.Equal(401, registerStatus);
    }

    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private async Task<string> DocumentTextAsync()
    {
        using var response = await api.Client.GetAsync("/openapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<Contract> ContractAsync() => new(api.Client, JsonDocument.Parse(await DocumentTextAsync()).RootElement.Clone());

    /// <summary>The served document as a schema registry: any schema in it by its JSON pointer, its $refs resolved in components/schemas.</summary>
    private sealed class Contract(HttpClient client, JsonElement document)
    {
        private readonly BuildOptions _build = Registered(document);

        public EvaluationResults Evaluate(string pointer, JsonElement instance) =>
            JsonSchema.FromText($$"""{"$schema": "https://json-schema.org/draft/2020-12/schema", "$ref": "{{DocumentUri}}#{{pointer}}"}""", _build)
                .Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });

        public void AssertValid(string pointer, JsonElement instance)
        {
            var result = Evaluate(pointer, instance);
            Assert.True(
                result.IsValid,
                $"{instance.GetRawText()} is not valid at {pointer}: " + string.Join("; ", (result.Details ?? []).Append(result).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {e.Key}: {e.Value}"))));
        }

        /// <summary>One call: the request validates against its route's request schema, the answer against the schema of its route and status.</summary>
        public async Task<JsonElement> CallAsync(string method, string path, string? body, int expectedStatus, string contentType = "application/json")
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8);
                request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
            }

            using var response = await client.SendAsync(request);
            var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

            Assert.True(expectedStatus == (int)response.StatusCode, $"{method} {path} answered {(int)response.StatusCode}: {answer.GetRawText()}");
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            var operation = $"/paths/{Escape(path)}/{(expectedStatus == 405 ? "post" : method.ToLowerInvariant())}";
            if (expectedStatus == 200 && body is not null)
            {
                AssertValid(operation + "/requestBody/content/application~1json/schema", JsonDocument.Parse(body).RootElement);
            }

            AssertValid($"{operation}/responses/{expectedStatus}/content/application~1json/schema", answer);
            return answer;
        }

        private static BuildOptions Registered(JsonElement document)
        {
            var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
            options.SchemaRegistry.Register(DocumentUri, new JsonElementBaseDocument(document, DocumentUri));
            return options;
        }
    }
}
