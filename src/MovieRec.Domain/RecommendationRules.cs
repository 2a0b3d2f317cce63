namespace MovieRec.Domain;

/// <summary>The product's rules about when and how much to recommend.</summary>
public static class RecommendationRules
{
    /// <summary>Below this many ratings a user gets no recommendations.</summary>
    public const int MinimumRatings = 10;

    public const int DefaultTopN = 3;
    public const int MaxTopN = 100;
}
