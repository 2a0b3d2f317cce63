using System.Globalization;
using MovieRec.Domain;

namespace MovieRec.Cli;

/// <summary>Reads <c>--ratings 1:5,260:4.5</c>: movie id, colon, stars; comma between ratings.</summary>
internal static class RatingsArgument
{
    public static Dictionary<int, double> Parse(string text)
    {
        var ratings = new Dictionary<int, double>();
        foreach (var pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split(':');
            if (parts.Length != 2
                || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var movieId)
                || !double.TryParse(parts[1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var stars))
            {
                throw new FormatException($"'{pair}' is not movieId:stars (for example 1:5 or 260:4.5).");
            }

            if (!StarScale.IsValid(stars))
            {
                throw new FormatException($"'{pair}': stars must be 0.5 to 5 in half steps.");
            }

            if (!ratings.TryAdd(movieId, stars))
            {
                throw new FormatException($"Movie {movieId} is rated twice.");
            }
        }

        return ratings;
    }
}
