using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace MovieRec.Api;

/// <summary>
/// GET /openapi.json: an OpenAPI 3.1 document of every route of <see cref="ApiRoutes.All"/>, made
/// from the table itself (each route's method, path, access and <see cref="ApiDescription"/>), with
/// the answers' schemas exported from the types the answers are written with. Built once, on first
/// use: nothing in it changes while the process runs.
/// </summary>
public static partial class OpenApiDocument
{
    public const string KeyScheme = "functionKey";

    public const string MiniAppScheme = "telegramInitData";

    private static readonly Lazy<byte[]> Document = new(() => JsonSerializer.SerializeToUtf8Bytes(Build(ApiRoutes.All)));

    public static Task<IResult> AnswerAsync(HttpEndpoint endpoint, HttpContext context) =>
        endpoint.RunAsync(context, _ => Task.FromResult<IResult>(TypedResults.Bytes(Document.Value, "application/json")));

    /// <summary>The document of <paramref name="routes"/>.</summary>
    public static JsonObject Build(IEnumerable<ApiRoute> routes)
    {
        var schemas = new SortedDictionary<string, JsonNode>(StringComparer.Ordinal) { [nameof(ErrorAnswer)] = AnswerSchema(typeof(ErrorAnswer)) };
        var paths = new JsonObject();
        foreach (var route in routes)
        {
            var item = paths["/" + route.Path] as JsonObject ?? [];
            item[route.Method.ToLowerInvariant()] = Operation(route, schemas);
            paths["/" + route.Path] = item;
        }

        return new JsonObject
        {
            ["openapi"] = "3.1.1",
            ["info"] = new JsonObject
            {
                ["title"] = "MovieRec",
                ["version"] = "4",
                ["description"] = "Movie recommendations from MovieLens ratings and your own. Every error is JSON: {\"error\": \"…\"}. The contract in words: docs/api.md.",
            },
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["schemas"] = new JsonObject([.. schemas.Select(s => KeyValuePair.Create(s.Key, (JsonNode?)s.Value))]),
                ["securitySchemes"] = new JsonObject
                {
                    [KeyScheme] = new JsonObject
                    {
                        ["type"] = "apiKey",
                        ["in"] = "header",
                        ["name"] = "x-functions-key",
                        ["description"] = "An API key: a function key in Azure (also accepted there as ?code=), one of API_KEYS on the standalone host.",
                    },
                    [MiniAppScheme] = new JsonObject
                    {
                        ["type"] = "apiKey",
                        ["in"] = "header",
                        ["name"] = "Authorization",
                        ["description"] = "tma <initData>: Telegram's signed launch data of the Mini App; the person is its user.id.",
                    },
                },
            },
        };
    }

    private static JsonObject Operation(ApiRoute route, SortedDictionary<string, JsonNode> schemas)
    {
        var description = route.Description ?? Undescribed(route);
        var operation = new JsonObject
        {
            ["operationId"] = OperationId(route),
            ["summary"] = description.Summary,
        };

        var parameters = new JsonArray();
        foreach (Match parameter in PathParameter().Matches(route.Path))
        {
            parameters.Add(new JsonObject { ["name"] = parameter.Groups[1].Value, ["in"] = "path", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } });
        }

        if (parameters.Count > 0)
        {
            operation["parameters"] = parameters;
        }

        if (description.Request is { } request)
        {
            schemas[request.Name] = request.Build();
            operation["requestBody"] = new JsonObject
            {
                ["required"] = true,
                ["content"] = new JsonObject
                {
                    ["application/json"] = new JsonObject { ["schema"] = Ref(request.Name), ["example"] = JsonNode.Parse(request.Example) },
                },
            };
        }

        var responses = new JsonObject { ["200"] = Success(description, schemas) };
        foreach (var status in description.Errors.Distinct().Order())
        {
            responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = Error(status);
        }

        operation["responses"] = responses;
        var scheme = route.Access switch
        {
            ApiAccess.KeyHolders => KeyScheme,
            ApiAccess.SignedInPeople => MiniAppScheme,
            _ => null,
        };
        if (scheme is not null)
        {
            operation["security"] = new JsonArray(new JsonObject { [scheme] = new JsonArray() });
        }

        return operation;
    }

    /// <summary>A route added to the table without a description still appears, with what its method and access tell.</summary>
    private static ApiDescription Undescribed(ApiRoute route) =>
        route.Method == "POST"
            ? new ApiDescription(route.Path, new RequestSchema(OperationId(route) + "Request", "{}", () => new JsonObject { ["type"] = "object" }), [], ApiDescription.JsonRouteErrors)
            : ApiDescription.File(route.Path, ["application/json"], StatusCodes.Status405MethodNotAllowed);

    private static JsonObject Success(ApiDescription description, SortedDictionary<string, JsonNode> schemas)
    {
        var content = new JsonObject();
        foreach (var mediaType in description.Files)
        {
            content[mediaType] = new JsonObject();
        }

        var types = description.Answers.Select(a => a.GetType()).Distinct().ToList();
        foreach (var type in types)
        {
            schemas[type.Name] = AnswerSchema(type);
        }

        if (types.Count > 0)
        {
            var media = new JsonObject
            {
                ["schema"] = types.Count == 1 ? Ref(types[0].Name) : new JsonObject { ["anyOf"] = new JsonArray([.. types.Select(t => (JsonNode)Ref(t.Name))]) },
            };
            if (description.Answers.Count == 1)
            {
                media["example"] = Example(description.Answers[0]);
            }
            else
            {
                media["examples"] = new JsonObject([.. description.Answers.Select(a => KeyValuePair.Create(a.GetType().Name, (JsonNode?)new JsonObject { ["value"] = Example(a) }))]);
            }

            content["application/json"] = media;
        }

        return new JsonObject { ["description"] = "OK", ["content"] = content };
    }

    private static JsonObject Error(int status)
    {
        var response = new JsonObject
        {
            ["description"] = ErrorMeaning(status),
            ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = Ref(nameof(ErrorAnswer)) } },
        };
        if (status is StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable)
        {
            response["headers"] = new JsonObject
            {
                ["Retry-After"] = new JsonObject
                {
                    ["description"] = "Whole seconds to wait before trying again.",
                    ["required"] = true,
                    ["schema"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1 },
                },
            };
        }

        return response;
    }

    private static string ErrorMeaning(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "The body is not JSON, not an object, or a field is missing, mistyped or out of range; the error names the field.",
        StatusCodes.Status401Unauthorized => "No valid credentials (see the security scheme); the error does not say which part was wrong.",
        StatusCodes.Status404NotFound => "An unknown chat id or movie, or nothing to act on; the error says which.",
        StatusCodes.Status405MethodNotAllowed => "The route does not take this method.",
        StatusCodes.Status413PayloadTooLarge => "The body is over the limit (16 KiB; 1 MiB on /telegram/webhook).",
        StatusCodes.Status415UnsupportedMediaType => "The body was sent with a content type other than JSON.",
        StatusCodes.Status429TooManyRequests => "Past a rate limit; try again after Retry-After.",
        StatusCodes.Status500InternalServerError => "A bug on our side; the error quotes the request id.",
        StatusCodes.Status503ServiceUnavailable => "The ratings store is unreachable or busy (or the bot is not set up); try again after Retry-After.",
        _ => "Refused.",
    };

    /// <summary>
    /// An answer type's schema as System.Text.Json writes it (the source-generated AnswerJson):
    /// non-nullable references are never null, and a field left out when null is not required.
    /// </summary>
    private static JsonNode AnswerSchema(Type type)
    {
        var options = new JsonSerializerOptions(AnswerJson.Default.Options) { RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true };
        return JsonSchemaExporter.GetJsonSchemaAsNode(options, type, new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = (context, schema) =>
            {
                if (context.PropertyInfo is null && schema is JsonObject { } node && node["required"] is JsonArray required)
                {
                    var optional = context.TypeInfo.Properties.Where(LeftOutWhenNull).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
                    foreach (var name in required.Where(r => optional.Contains(r!.GetValue<string>())).ToList())
                    {
                        required.Remove(name);
                    }
                }

                return schema;
            },
        });
    }

    private static bool LeftOutWhenNull(JsonPropertyInfo property) =>
        property.AttributeProvider?.GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonIgnoreAttribute), inherit: false)
            .OfType<System.Text.Json.Serialization.JsonIgnoreAttribute>()
            .Any(a => a.Condition == System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull) == true;

    private static JsonNode? Example(object answer) => JsonSerializer.SerializeToNode(answer, answer.GetType(), AnswerJson.Default);

    private static JsonObject Ref(string name) => new() { ["$ref"] = "#/components/schemas/" + name };

    private static string OperationId(ApiRoute route) =>
        route.Method.ToLowerInvariant() + "_" + NotWordCharacters().Replace(route.Path, "_").Trim('_');

    [GeneratedRegex(@"\{([^}]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex PathParameter();

    [GeneratedRegex(@"[^A-Za-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex NotWordCharacters();
}
