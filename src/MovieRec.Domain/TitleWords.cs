using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MovieRec.Domain;

/// <summary>
/// The words of a title or a query as search compares them: lower case, accents folded to ASCII
/// (é → e, æ → ae, ß → ss; done here because the app runs with invariant globalization, which has
/// no Unicode decomposition), everything but letters and digits a separator.
/// </summary>
public static partial class TitleWords
{
    /// <summary>Articles a title may start with, which MovieLens moves to the end ("Matrix, The").</summary>
    public static readonly IReadOnlySet<string> Articles = new HashSet<string>(StringComparer.Ordinal)
    {
        "the", "a", "an", "les", "la", "le", "l", "el", "il", "der", "die", "das", "los", "las",
    };

    private const string Folded = "àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥħìíîïĩīĭįıĵķĺļľŀłñńņňŉòóôõöøōŏőùúûüũūŭůűųŵýÿŷźżžþðß";

    private static readonly string[] FoldedTo =
    [
        "a", "a", "a", "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g",
        "g", "g", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i", "i", "j", "k", "l", "l", "l", "l", "l", "n", "n", "n", "n", "n", "o", "o",
        "o", "o", "o", "o", "o", "o", "o", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "w", "y", "y", "y", "z", "z", "z", "th", "d", "ss",
    ];

    /// <summary>The words of <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<string> Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            var at = Folded.IndexOf(c, StringComparison.Ordinal);
            if (at >= 0)
            {
                folded.Append(FoldedTo[at]);
            }
            else if (c is 'æ' or 'œ')
            {
                folded.Append(c == 'æ' ? "ae" : "oe");
            }
            else
            {
                folded.Append(char.IsLetterOrDigit(c) ? c : ' ');
            }
        }

        return folded.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>A MovieLens title's year, "(1999)" at its end; null when it has none.</summary>
    public static int? YearOf(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var match = TrailingYear().Match(title);
        return match.Success ? int.Parse(match.Groups["year"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>A title without its trailing year.</summary>
    public static string WithoutYear(string title) => TrailingYear().Replace(title, "");

    /// <summary>Whether a query word looks like a year a film could be from.</summary>
    public static bool IsYear(string word) =>
        word.Length == 4 && int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1870 and <= 2100;

    [GeneratedRegex(@"\s*\((?<year>[0-9]{4})(?:[-–][0-9]{0,4})?\)\s*\z", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingYear();
}
