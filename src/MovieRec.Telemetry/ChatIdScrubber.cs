using System.Diagnostics;
using System.Text.RegularExpressions;
using OpenTelemetry;

namespace MovieRec.Telemetry;

/// <summary>
/// Keeps chat ids out of every span before it is exported. Table Storage addresses an entity as
/// <c>table(PartitionKey='…',RowKey='…')</c> and queries a partition with
/// <c>$filter=PartitionKey eq '…'</c>, and a chat id is a partition or row key: the keys and
/// every query string go from URLs, span names and statements alike. <c>/forget</c> cannot reach
/// telemetry, so nothing there may identify a chat (docs/privacy.md).
/// </summary>
public sealed partial class ChatIdScrubber : BaseProcessor<Activity>
{
    public const string KeysRedaction = "([keys])";

    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.DisplayName = Scrubbed(data.DisplayName);
        // A copy: a tag set while the tags are enumerated would end the enumeration.
        foreach (var (key, value) in data.TagObjects.ToList())
        {
            if (key == "url.query")
            {
                data.SetTag(key, null);
            }
            else if (value is string text && Scrubbed(text) is var scrubbed && scrubbed != text)
            {
                data.SetTag(key, scrubbed);
            }
        }
    }

    /// <summary>The text without entity keys, key comparisons or a URL's query string.</summary>
    public static string Scrubbed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scrubbed = EntityKeys().Replace(text, KeysRedaction);
        scrubbed = KeyComparisons().Replace(scrubbed, "$1 $2 '[key]'");
        return QueryString().Replace(scrubbed, string.Empty);
    }

    /// <summary>An entity's address after its table's name: (PartitionKey='…',RowKey='…'), quotes plain or percent-encoded.</summary>
    [GeneratedRegex(@"\((?:PartitionKey|RowKey)=[^)]*\)", RegexOptions.CultureInvariant)]
    private static partial Regex EntityKeys();

    /// <summary>A key compared in an OData filter written out (PartitionKey eq '…').</summary>
    [GeneratedRegex(@"\b(PartitionKey|RowKey)\s+(eq|ne|gt|ge|lt|le)\s+'[^']*'", RegexOptions.CultureInvariant)]
    private static partial Regex KeyComparisons();

    /// <summary>The query string of an http(s) URL, up to its fragment or the text's next space.</summary>
    [GeneratedRegex(@"(?<=\bhttps?://[^\s?#]*)\?[^\s#]*", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex QueryString();
}
