using MovieRec.Domain;

namespace MovieRec.Service;

/// <summary>A movie recommended to a user, with its predicted stars and why, in any language of <see cref="PersonLanguage"/>.</summary>
public sealed record RecommendedMovie(Movie Movie, double Score, RecommendationReason Why)
{
    /// <summary>The sentence in English, as the HTTP API gives it; <see cref="RecommendationReason.Text"/> words it in another language.</summary>
    public string Reason => Why.Text();
}

