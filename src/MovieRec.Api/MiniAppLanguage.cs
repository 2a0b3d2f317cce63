namespace MovieRec.Api;

/// <summary>
/// The language the Mini App speaks to a person, from the <c>language_code</c> Telegram signs into
/// initData's user (an IETF tag: "ru", "zh-hans", "zh-TW", …), case-insensitive: Russian for ru…;
/// Traditional Chinese for zh-Hant, zh-HK, zh-TW and zh-Hant-…; English for anything else, none included.
/// The tags are the suffixes of MiniAppTexts.*.resx and what the page puts in &lt;html lang&gt;.
/// </summary>
public static class MiniAppLanguage
{
    public const string English = "en";

    public const string Russian = "ru";

    public const string TraditionalChinese = "zh-Hant";

    public static IReadOnlyList<string> All { get; } = [English, Russian, TraditionalChinese];

    public static string Of(string? languageCode) => languageCode switch
    {
        null => English,
        _ when languageCode.StartsWith("ru", StringComparison.OrdinalIgnoreCase) => Russian,
        _ when languageCode.Equals("zh-hant", StringComparison.OrdinalIgnoreCase)
            || languageCode.Equals("zh-hk", StringComparison.OrdinalIgnoreCase)
            || languageCode.Equals("zh-tw", StringComparison.OrdinalIgnoreCase)
            || languageCode.StartsWith("zh-hant-", StringComparison.OrdinalIgnoreCase) => TraditionalChinese,
        _ => English,
    };
}
