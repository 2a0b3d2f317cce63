using System.Globalization;
using System.Resources;

namespace MovieRec.Domain;

/// <summary>The reason sentences' words in each language (ReasonTexts.resx, .ru.resx, .zh-TW.resx). Numbers arrive formatted.</summary>
internal static class ReasonTexts
{
    private static readonly ResourceManager Resources = new("MovieRec.Domain.ReasonTexts", typeof(ReasonTexts).Assembly);

    public static string Format(CultureInfo language, string key, params object[] values) =>
        string.Format(CultureInfo.InvariantCulture, Get(language, key), values);

    public static string Get(CultureInfo language, string key) =>
        Resources.GetString(key, PersonLanguage.Spoken(language)) ?? throw new KeyNotFoundException($"No reason text '{key}'.");

    /// <summary>Stars as a reason gives them: one decimal, a point in every language ("4.5").</summary>
    public static string Stars(double stars) => stars.ToString("0.0", CultureInfo.InvariantCulture);
}
