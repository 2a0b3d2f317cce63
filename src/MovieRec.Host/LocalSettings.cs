using System.Text.Json;

namespace MovieRec.Host;

internal static class LocalSettings
{
    /// <summary>
    /// Reads the "Values" of a Functions local.settings.json when there is one, so both hosts take
    /// the same settings file. Environment variables added after it still win.
    /// </summary>
    public static IConfigurationBuilder AddFunctionsLocalSettings(this ConfigurationManager configuration, string path)
    {
        if (!File.Exists(path))
        {
            return configuration;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var values = document.RootElement.TryGetProperty("Values", out var v) && v.ValueKind == JsonValueKind.Object
            ? v.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String && p.Value.GetString() is { Length: > 0 })
                .ToDictionary(p => p.Name, p => p.Value.GetString())
            : [];
        var sources = configuration.Sources.ToList();
        configuration.Sources.Clear();
        configuration.AddInMemoryCollection(values);
        foreach (var source in sources)
        {
            configuration.Sources.Add(source);
        }

        return configuration;
    }
}
