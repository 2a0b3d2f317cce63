using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace MovieRec.Testing;

/// <summary>
/// A .resx file and its translations read as plain XML, not through the code that looks them up,
/// so tests can hold every language to the English file: the same keys, none empty, the same {0}… placeholders.
/// </summary>
public static partial class ResxFiles
{
    /// <summary>The culture suffixes of the translations beside each English .resx ("Texts.ru.resx").</summary>
    public static IReadOnlyList<string> Translations { get; } = [.. MovieRec.Domain.PersonLanguage.All.Skip(1).Select(language => language.Name)];

    /// <summary>Key → text of one .resx file.</summary>
    public static IReadOnlyDictionary<string, string> Read(string path) =>
        XDocument.Load(path).Root!.Elements("data").ToDictionary(data => (string)data.Attribute("name")!, data => (string?)data.Element("value") ?? "");

    /// <summary>The path of a translation: "Texts.resx" and "ru" → "Texts.ru.resx".</summary>
    public static string TranslationOf(string englishPath, string culture) =>
        Path.Combine(Path.GetDirectoryName(englishPath)!, $"{Path.GetFileNameWithoutExtension(englishPath)}.{culture}.resx");

    /// <summary>The placeholder numbers a text formats in: "{0} of {1:0.0}" → {0, 1}.</summary>
    public static IReadOnlySet<int> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();

    /// <summary>
    /// What is wrong with the translations of <paramref name="englishPath"/>: keys missing or extra,
    /// empty texts, placeholders that differ from the English text's. Empty when all is well.
    /// </summary>
    public static IReadOnlyList<string> ProblemsOf(string englishPath)
    {
        var english = Read(englishPath);
        var problems = english.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => $"en: {e.Key} is empty").ToList();
        foreach (var culture in Translations)
        {
            var translated = Read(TranslationOf(englishPath, culture));
            problems.AddRange(english.Keys.Except(translated.Keys).Select(key => $"{culture}: {key} is missing"));
            problems.AddRange(translated.Keys.Except(english.Keys).Select(key => $"{culture}: {key} is not in the English file"));
            foreach (var (key, text) in translated.Where(t => english.ContainsKey(t.Key)))
            {
                if (string.IsNullOrWhiteSpace(text))
                {
                    problems.Add($"{culture}: {key} is empty");
                }
                else if (!Placeholders(text).SetEquals(Placeholders(english[key])))
                {
                    problems.Add($"{culture}: {key} has placeholders {string.Join(",", Placeholders(text).Order())}, English {string.Join(",", Placeholders(english[key]).Order())}");
                }
            }
        }

        return problems;
    }

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();
}
