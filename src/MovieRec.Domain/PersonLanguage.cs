using System.Globalization;

namespace MovieRec.Domain;

/// <summary>
/// The languages MovieRec speaks to a person (English, Russian, Traditional Chinese), and which one
/// a person's language tag asks for. The tag is an IETF one as Telegram's <c>language_code</c>
/// gives it ("ru", "zh-hant", "zh-TW"); anything MovieRec does not speak, or no tag, is English.
/// Simplified Chinese ("zh", "zh-CN", "zh-Hans") is English too: Traditional characters are not
/// what a reader of Simplified asked for.
/// </summary>
public static class PersonLanguage
{
    // Cultures by name only: the hosts run in invariant globalization mode (with predefined cultures
    // off, Directory.Build.props), so a culture here is a name for resource lookup, not formatting data.
    public static CultureInfo English { get; } = CultureInfo.GetCultureInfo("en");

    public static CultureInfo Russian { get; } = CultureInfo.GetCultureInfo("ru");

    /// <summary>
    /// Traditional Chinese as written in Taiwan, named "zh-TW" rather than "zh-Hant": invariant mode
    /// upper-cases the subtags after the language ("zh-HANT"), and a case-sensitive file system would
    /// then miss the "zh-Hant" satellite folder; "zh-TW" comes out as written.
    /// </summary>
    public static CultureInfo TraditionalChinese { get; } = CultureInfo.GetCultureInfo("zh-TW");

    public static IReadOnlyList<CultureInfo> All { get; } = [English, Russian, TraditionalChinese];

    /// <summary>The language for a tag: ru* is Russian; zh-Hant*, zh-HK, zh-TW and zh-MO are Traditional Chinese; the rest English.</summary>
    public static CultureInfo Of(string? languageTag)
    {
        var subtags = (languageTag ?? "").Trim().ToLowerInvariant().Split('-', '_');
        return subtags switch
        {
            ["ru", ..] => Russian,
            ["zh", "hant" or "hk" or "tw" or "mo", ..] => TraditionalChinese,
            _ => English,
        };
    }

    /// <summary>One of <see cref="All"/> for any culture: its own, or English for a culture MovieRec does not speak.</summary>
    public static CultureInfo Spoken(CultureInfo? language) =>
        All.FirstOrDefault(spoken => spoken.Name.Equals(language?.Name, StringComparison.OrdinalIgnoreCase)) ?? English;
}
