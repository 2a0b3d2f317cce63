using System.Text.RegularExpressions;
using MovieRec.Domain;
using MovieRec.Testing;

namespace MovieRec.Api.Tests;

/// <summary>
/// The Mini App's words, read from the .resx files in the source tree as XML: every language has
/// every key, none empty, with the same placeholders; the page names only keys that exist; and the
/// API serves what the files say.
/// </summary>
public sealed partial class MiniAppTextsTests
{
    private static readonly string English = Path.Combine(Repository.Root, "src", "MovieRec.Api", "MiniApp", "MiniAppTexts.resx");

    [Fact]
    public void Every_language_has_every_english_key_and_no_other_each_non_empty_with_the_same_placeholders()
    {
        Assert.Empty(ResxFiles.ProblemsOf(English));
    }

    [Fact]
    public void The_page_names_every_key_and_only_those()
    {
        var folder = Path.Combine(Repository.Root, "src", "MovieRec.Api", "MiniApp");
        var page = File.ReadAllText(Path.Combine(folder, "index.html"));
        var script = File.ReadAllText(Path.Combine(folder, "app.js"));

        var named = HtmlKey().Matches(page).Concat(ScriptKey().Matches(script)).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(ResxFiles.Read(English).Keys.Order(StringComparer.Ordinal), named.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void What_the_api_serves_is_what_the_resx_files_say()
    {
        Assert.Equal(ResxFiles.Read(English), MiniAppTexts.For(PersonLanguage.English));
        foreach (var language in PersonLanguage.All.Skip(1))
        {
            Assert.Equal(ResxFiles.Read(ResxFiles.TranslationOf(English, language.Name)), MiniAppTexts.For(language));
        }
    }

    [GeneratedRegex(@"data-text(?:-label|-placeholder)?=""(\w+)""")]
    private static partial Regex HtmlKey();

    [GeneratedRegex(@"\bt\(""(\w+)""")]
    private static partial Regex ScriptKey();
}
