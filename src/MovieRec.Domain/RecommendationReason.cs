using System.Globalization;

namespace MovieRec.Domain;

/// <summary>The one sentence that tells a person why a movie was picked, built from its <see cref="RecommendationEvidence"/>.</summary>
public static class RecommendationReason
{
    public static string Describe(RecommendationEvidence evidence, MovieCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(catalog);
        if (evidence.NeighbourRaters == 0)
        {
            return evidence.MovieLensRaters == 0
                ? "Nobody in MovieLens has rated it yet; it is here because few other movies are left for you."
                : Text($"None of the {People(evidence.Neighbours)} whose taste is closest to yours has rated it yet, but {Count(evidence.MovieLensRaters, "MovieLens member", "MovieLens members")} did, {evidence.MovieLensMeanStars:0.0} stars on average.");
        }

        var rated = Text($"{evidence.NeighbourRaters} of the {People(evidence.Neighbours)} whose taste is closest to yours rated it, {evidence.NeighbourMeanStars:0.0} stars on average");
        if (evidence.SharedFavourites.Count == 0 || !catalog.TryGet(evidence.SharedFavourites[0].MovieId, out var favourite))
        {
            return rated + ".";
        }

        var shared = evidence.SharedFavourites[0];
        var ofThem = shared.AlsoLovedBy == 1 ? "one of them" : Text($"{shared.AlsoLovedBy} of them");
        return Text($"{rated}; {ofThem} also loved {favourite.Title}, which you gave {shared.YourStars:0.#} stars.");
    }

    private static string People(int count) => count == 1 ? "1 person" : Text($"{count} people");

    private static string Count(int count, string one, string many) => count == 1 ? $"1 {one}" : Text($"{count} {many}");

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
