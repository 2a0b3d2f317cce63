using System.Globalization;
using System.Xml.Linq;
using MovieRec.Domain;

namespace MovieRec.Api;

/// <summary>
/// Every word the Mini App shows, per language: MiniAppTexts.resx (English), MiniAppTexts.ru.resx and
/// MiniAppTexts.zh-TW.resx, embedded as XML and read here once, because the page is sent every key at
/// once (a ResourceManager answers one key at a time). The page fills the {0}, {1} placeholders.
/// Every language has every key (MiniAppTextsTests), so nothing falls back.
/// </summary>
public static class MiniAppTexts
{
    private static readonly Dictionary<string, IReadOnlyDictionary<string, string>> ByLanguage =
        PersonLanguage.All.ToDictionary(language => language.Name, Read, StringComparer.Ordinal);

    /// <summary>The words in <paramref name="language"/>; a language MovieRec does not speak gets English.</summary>
    public static IReadOnlyDictionary<string, string> For(CultureInfo language) =>
        ByLanguage.GetValueOrDefault(language.Name) ?? ByLanguage[PersonLanguage.English.Name];

    /// <summary>The resx file of a language: English is the one without a suffix.</summary>
    public static string FileOf(CultureInfo language) =>
        language.Name == PersonLanguage.English.Name ? "MiniAppTexts.resx" : $"MiniAppTexts.{language.Name}.resx";

    private static IReadOnlyDictionary<string, string> Read(CultureInfo language)
    {
        var name = "MiniAppTexts/" + FileOf(language);
        using var stream = typeof(MiniAppTexts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is not embedded in {typeof(MiniAppTexts).Assembly.GetName().Name}.");
        return XDocument.Load(stream).Root!.Elements("data").ToDictionary(
            data => (string)data.Attribute("name")!, data => (string?)data.Element("value") ?? "", StringComparer.Ordinal);
    }
}
