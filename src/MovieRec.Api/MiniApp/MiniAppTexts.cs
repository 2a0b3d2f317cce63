using System.Collections;
using System.Globalization;
using System.Resources;
using MovieRec.Domain;

namespace MovieRec.Api;

/// <summary>
/// Every word the Mini App shows, per language (MiniAppTexts.resx, .ru.resx, .zh-TW.resx), read once
/// as a whole set per language, because the page is sent every key at once. The page fills the {0},
/// {1} placeholders. Every language has every key (MiniAppTextsTests), so nothing falls back.
/// </summary>
public static class MiniAppTexts
{
    private static readonly ResourceManager Resources = new("MovieRec.Api.MiniAppTexts", typeof(MiniAppTexts).Assembly);

    private static readonly Dictionary<string, IReadOnlyDictionary<string, string>> ByLanguage =
        PersonLanguage.All.ToDictionary(language => language.Name, Read, StringComparer.Ordinal);

    /// <summary>The words in <paramref name="language"/>; a language MovieRec does not speak gets English.</summary>
    public static IReadOnlyDictionary<string, string> For(CultureInfo language) => ByLanguage[PersonLanguage.Spoken(language).Name];

    private static IReadOnlyDictionary<string, string> Read(CultureInfo language)
    {
        var set = Resources.GetResourceSet(language, createIfNotExists: true, tryParents: false)
            ?? throw new MissingManifestResourceException($"No Mini App texts for {language.Name}.");
        return set.Cast<DictionaryEntry>().ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value ?? "", StringComparer.Ordinal);
    }
}
