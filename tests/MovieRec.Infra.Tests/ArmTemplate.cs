using System.Text.Json.Nodes;
using MovieRec.Testing;

namespace MovieRec.Infra.Tests;

/// <summary>
/// infra/main.json, the ARM template the pinned Bicep CLI compiles from infra/main.bicep
/// (scripts/check-infra.sh, run by scripts/test.sh), with the modules' resources flattened.
/// </summary>
internal sealed class ArmTemplate
{
    private static readonly Lazy<ArmTemplate> Compiled = new(() => new ArmTemplate(Path.Combine(Repository.Root, "infra", "main.json")));

    private ArmTemplate(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: scripts/check-infra.sh compiles it (scripts/test.sh runs that first).");
        }

        Text = File.ReadAllText(path);
        Root = JsonNode.Parse(Text)!.AsObject();
        Resources = Flatten(Root).ToList();
    }

    public static ArmTemplate Main => Compiled.Value;

    public string Text { get; }

    public JsonObject Root { get; }

    /// <summary>Every resource, modules' included, each with the (module) template that declares it.</summary>
    public IReadOnlyList<(JsonObject Resource, JsonObject Template)> Resources { get; }

    public IReadOnlyList<(JsonObject Resource, JsonObject Template)> OfType(string type) =>
        Resources.Where(r => (string?)r.Resource["type"] == type).ToList();

    public (JsonObject Resource, JsonObject Template) Single(string type) => Assert.Single(OfType(type));

    /// <summary>A template expression's variable reference resolved: "[variables('x')]" → the value of x.</summary>
    public static string? Variable(JsonObject template, string name) => (string?)template["variables"]?[name];

    private static IEnumerable<(JsonObject, JsonObject)> Flatten(JsonObject template)
    {
        foreach (var resource in template["resources"]!.AsArray().Select(r => r!.AsObject()))
        {
            yield return (resource, template);
            if ((string?)resource["type"] == "Microsoft.Resources/deployments" && resource["properties"]?["template"] is JsonObject inner)
            {
                foreach (var nested in Flatten(inner))
                {
                    yield return nested;
                }
            }
        }
    }
}
