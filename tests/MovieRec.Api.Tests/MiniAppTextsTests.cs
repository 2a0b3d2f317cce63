using System.Text.RegularExpressions;
using System.Xml.Linq;
using MovieRec.Domain;
using MovieRec.Testing;

namespace MovieRec.Api.Tests;

/// <summary>
/// The Mini App's words, read from the .resx files in the source tree as XML: every language has
/// every key, none empty, with the same placeholders; and the page names only keys that exist.
/// </summary>
public sealed partial class MiniAppTextsTests
{
    private static readonly string Folder = Path.Combine(Repository.Root, "src", "MovieRec.Api");

    public static TheoryData<string> Translations => new() { "MiniAppTexts.ru.resx", "MiniAppTexts.zh-TW.resx" };

    [Theory]
    [MemberData(nameof(Translations))]
    public void A_translation_has_every_english_key_and_no_other_each_non_empty_with_the_same_placeholders(string file)
    {
        var english = Read("MiniAppTexts.resx");
        var translated = Read(file);

        Assert.Equal(english.Keys.Order(StringComparer.Ordinal), translated.Keys.Order(StringComparer.Ordinal));
        Assert.All(translated, text =>
        {
            Assert.False(string.IsNullOrWhiteSpace(text.Value), $"{file}: {text.Key} is empty");
            Assert.Equal(Placeholders(english[text.Key]), Placeholders(text.Value));
        });
    }

    [Fact]
    public void The_english_texts_are_non_empty_and_the_page_names_every_key_and_only_those()
    {
        var english = Read("MiniAppTexts.resx");
        var page = File.ReadAllText(Path.Combine(Folder, "MiniApp", "index.html"));
        var script = File.ReadAllText(Path.Combine(Folder, "MiniApp", "app.js"));

        var named = HtmlKey().Matches(page).Concat(ScriptKey().Matches(script)).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        Assert.All(english, text => Assert.False(string.IsNullOrWhiteSpace(text.Value), text.Key));
        Assert.Equal(english.Keys.Order(StringComparer.Ordinal), named.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void What_the_api_serves_is_what_the_resx_files_say()
    {
        foreach (var language in PersonLanguage.All)
        {
            Assert.Equal(Read(MiniAppTexts.FileOf(language)), MiniAppTexts.For(language));
        }
    }

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(Folder, file)).Root!.Elements("data")
            .ToDictionary(data => data.Attribute("name")!.Value, data => data.Element("value")?.Value ?? "", StringComparer.Ordinal);

    private static List<string> Placeholders(string text) =>
        [.. Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"data-text(?:-label|-placeholder)?=""(\w+)""")]
    private static partial Regex HtmlKey();

    [GeneratedRegex(@"\bt\(""(\w+)""")]
    private static partial Regex ScriptKey();
}
