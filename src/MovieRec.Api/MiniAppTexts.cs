using System.Xml.Linq;

namespace MovieRec.Api;

/// <summary>
/// Every word the Mini App shows, per language: MiniAppTexts.resx (English), MiniAppTexts.ru.resx and
/// MiniAppTexts.zh-Hant.resx, embedded as XML and read here once. The page fills the {0}, {1}
/// placeholders. Every language has every key (MiniAppTextsTests), so nothing falls back.
/// </summary>
public static class MiniAppTexts
{
    private static readonly Dictionary<string, IReadOnlyDictionary<string, string>> ByLanguage =
        MiniAppLanguage.All.ToDictionary(language => language, Read, StringComparer.Ordinal);

    /// <summary>The words in <paramref name="language"/>, one of <see cref="MiniAppLanguage.All"/>.</summary>
    public static IReadOnlyDictionary<string, string> For(string language) => ByLanguage[language];

    /// <summary>The resx file of a language: English is the one without a suffix.</summary>
    public static string FileOf(string language) =>
        language == MiniAppLanguage.English ? "MiniAppTexts.resx" : $"MiniAppTexts.{language}.resx";

    private static IReadOnlyDictionary<string, string> Read(string language)
    {
        var name = "MiniAppTexts/" + FileOf(language);
        using var stream = typeof(MiniAppTexts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is not embedded in {typeof(MiniAppTexts).Assembly.GetName().Name}.");
        return XDocument.Load(stream).Root!.Elements("data").ToDictionary(
            data => (string)data.Attribute("name")!, data => (string?)data.Element("value") ?? "", StringComparer.Ordinal);
    }
}
