namespace MovieRec.Domain;

/// <summary>What the ratings are centred on before the cosine is taken.</summary>
public enum Centering
{
    /// <summary>Raw stars: plain cosine, predictions are similarity-weighted star averages.</summary>
    None,

    /// <summary>Stars minus the user's own mean.</summary>
    UserMean,

    /// <summary>Stars minus a damped baseline (global mean + user bias + movie bias).</summary>
    Baseline,
}

/// <summary>
/// The knobs of <see cref="UserBasedRecommender"/>. The defaults are the ones chosen by
/// <c>movierec eval</c> on ml-latest-small; docs/quality.md has the numbers that chose them.
/// </summary>
public sealed record RecommenderOptions
{
    public Centering Centering { get; init; } = Centering.Baseline;

    /// <summary>k: at most this many of the most similar users who rated a movie predict it.</summary>
    public int Neighbours { get; init; } = 100;

    /// <summary>A movie is recommended only when at least this many neighbours rated it.</summary>
    public int MinSupport { get; init; } = 60;

    /// <summary>Only users more similar than this are neighbours.</summary>
    public double MinSimilarity { get; init; }

    /// <summary>
    /// Only the most similar users, up to this many, are searched for neighbours. On
    /// ml-latest-small (610 users) that is everyone; on a 25M-sized matrix it bounds the work.
    /// </summary>
    public int CandidatePool { get; init; } = 2_000;

    /// <summary>Added to the sum of |similarity| when averaging neighbours' residuals, damping thin evidence.</summary>
    public double PredictionShrinkage { get; init; } = 1;

    public double MovieBiasRegularisation { get; init; } = 10;

    public double UserBiasRegularisation { get; init; } = 15;

    public int BaselineEpochs { get; init; } = 10;

    public void Validate()
    {
        Require(Neighbours >= 1, "Neighbours must be at least 1.");
        Require(MinSupport >= 1 && MinSupport <= Neighbours, "MinSupport must be between 1 and Neighbours.");
        Require(MinSimilarity is >= 0 and < 1, "MinSimilarity must be in [0, 1).");
        Require(CandidatePool >= Neighbours, "CandidatePool must be at least Neighbours.");
        Require(PredictionShrinkage >= 0, "PredictionShrinkage must not be negative.");
        Require(MovieBiasRegularisation >= 0 && UserBiasRegularisation >= 0, "Bias regularisation must not be negative.");
        Require(BaselineEpochs >= 1, "BaselineEpochs must be at least 1.");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
