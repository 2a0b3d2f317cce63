namespace MovieRec.Domain;

/// <summary>The catalog and the rating matrix of one MovieLens release.</summary>
public sealed record MovieLensDataset(MovieCatalog Catalog, RatingMatrix Ratings);
