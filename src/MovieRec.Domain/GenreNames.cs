using System.Globalization;
using System.Resources;

namespace MovieRec.Domain;

/// <summary>
/// A MovieLens genre as a person reads it ("Sci-Fi" → "Фантастика", "科幻"). Commands and the HTTP
/// API still take and give the MovieLens names; this is for what is shown. A genre without a
/// translation is shown as MovieLens spells it.
/// </summary>
public static class GenreNames
{
    private static readonly ResourceManager Resources = new("MovieRec.Domain.GenreNames", typeof(GenreNames).Assembly);

    public static string In(string genre, CultureInfo? language = null)
    {
        ArgumentNullException.ThrowIfNull(genre);
        return Resources.GetString(genre, PersonLanguage.Spoken(language)) ?? genre;
    }

    /// <summary>A film's genres, each as <see cref="In"/> shows it, in MovieLens's order.</summary>
    public static IReadOnlyList<string> Of(Movie movie, CultureInfo? language = null) => [.. GenreIndex.Of(movie).Select(genre => In(genre, language))];
}
