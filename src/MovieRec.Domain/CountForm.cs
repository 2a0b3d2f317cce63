using System.Globalization;

namespace MovieRec.Domain;

/// <summary>
/// Which form a counted word takes in a language, as the suffix of its resource key
/// ("People_One", "People_Few", "People_Many"). English: one for 1, else many. Russian: one for
/// 1, 21, 31…; few for 2–4, 22–24…; many for the rest (11–14 included). Chinese: always many.
/// </summary>
public static class CountForm
{
    public const string One = "One";
    public const string Few = "Few";
    public const string Many = "Many";

    public static string Of(int count, CultureInfo language)
    {
        ArgumentNullException.ThrowIfNull(language);
        var n = Math.Abs(count);
        if (language.Name == PersonLanguage.Russian.Name)
        {
            return (n % 10, n % 100) switch
            {
                (1, not 11) => One,
                (2 or 3 or 4, not (12 or 13 or 14)) => Few,
                _ => Many,
            };
        }

        return language.Name == PersonLanguage.TraditionalChinese.Name || n != 1 ? Many : One;
    }

    /// <summary>The resource key of <paramref name="name"/> counted <paramref name="count"/> times.</summary>
    public static string Key(string name, int count, CultureInfo language) => $"{name}_{Of(count, language)}";
}
