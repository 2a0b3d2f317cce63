namespace MovieRec.Domain;

/// <summary>A movie picked for a person: its predicted stars and the evidence it was picked on.</summary>
public sealed record Recommendation(int MovieId, double Score, RecommendationEvidence Evidence);

/// <summary>
/// Why a movie was picked, in numbers: what the person's nearest neighbours made of it, which
/// of the person's own favourites those who loved it also loved, and what MovieLens as a whole thinks.
/// </summary>
/// <param name="Neighbours">How many nearest neighbours the ranking looked at.</param>
/// <param name="NeighbourRaters">How many of them rated the movie.</param>
/// <param name="NeighbourMeanStars">Their mean stars for it; 0 when none rated it.</param>
/// <param name="SharedFavourites">The person's favourites (4 stars or more) that neighbours who loved this movie also loved, most shared first.</param>
/// <param name="MovieLensRaters">How many MovieLens users rated the movie.</param>
/// <param name="MovieLensMeanStars">Their mean stars for it; 0 when nobody rated it.</param>
public sealed record RecommendationEvidence(
    int Neighbours,
    int NeighbourRaters,
    double NeighbourMeanStars,
    IReadOnlyList<SharedFavourite> SharedFavourites,
    int MovieLensRaters,
    double MovieLensMeanStars);

/// <summary>One of the person's favourites that <paramref name="AlsoLovedBy"/> neighbours who loved the recommended movie loved too.</summary>
public sealed record SharedFavourite(int MovieId, double YourStars, int AlsoLovedBy);
