namespace MovieRec.Domain;

/// <summary>The catalog and the rating matrix read from one ml-latest-small folder.</summary>
public sealed record MovieLensDataset(MovieCatalog Catalog, RatingMatrix Ratings)
{
    /// <summary>The CSV files the product reads from a MovieLens folder.</summary>
    public static readonly IReadOnlyList<string> RequiredFiles = ["movies.csv", "links.csv", "ratings.csv"];
}
