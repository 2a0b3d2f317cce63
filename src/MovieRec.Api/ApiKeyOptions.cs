using Microsoft.Extensions.Configuration;

namespace MovieRec.Api;

/// <summary>API_KEYS (docs/api.md): the keys the standalone host accepts in x-functions-key (in Azure, the Functions host's own keys are used).</summary>
public sealed class ApiKeyOptions
{
    public const int MinimumLength = 16;

    /// <summary>Comma-separated keys. Secrets: never logged. None: the JSON routes answer loopback callers only.</summary>
    [ConfigurationKeyName("API_KEYS")]
    public string? Keys { get; set; }

    public IReadOnlyList<string> All =>
        (Keys ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() => $"ApiKeyOptions {{ Keys = ({All.Count} set) }}";
}
