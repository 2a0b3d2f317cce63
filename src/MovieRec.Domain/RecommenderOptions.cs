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

/// <summary>Which vectors the cosine that picks the ranking neighbours compares.</summary>
public enum RankingSimilarity
{
    /// <summary>The centred ratings, as for the predicted stars.</summary>
    CentredRatings,

    /// <summary>Who rated what (1 for a rated movie, 0 otherwise), whatever the stars.</summary>
    WhoRatedWhat,
}

/// <summary>Which of the ranking neighbours' ratings count as evidence for a movie.</summary>
public enum EvidenceFrom
{
    /// <summary>Every neighbour who rated the movie.</summary>
    EveryRater,

    /// <summary>Only neighbours who rated it at or above their own mean.</summary>
    RatersWhoLikedIt,

    /// <summary>Every neighbour who rated it, each vote scaled by their stars ÷ 5.</summary>
    StarWeighted,
}

/// <summary>
/// How much each film counts in the who-rated-what vectors the ranking's cosine compares: sharing a
/// film few people saw says more about taste than sharing a blockbuster.
/// </summary>
public enum FilmWeighting
{
    /// <summary>Every film 1.</summary>
    None,

    /// <summary>Each film log(users ÷ its raters) (TF-IDF with a binary "term frequency").</summary>
    Idf,

    /// <summary>
    /// Okapi BM25 with a binary term frequency: IDF times (k1 + 1) ÷ (k1·(1 − b + b·|profile| ÷ mean |profile|) + 1),
    /// k1 = 1.2, b = 0.75, so a film counts less in a long profile than in a short one.
    /// </summary>
    Bm25,
}

/// <summary>
/// The knobs of <see cref="UserBasedRecommender"/>. The predicted stars' defaults were chosen by
/// <c>movierec eval --grid</c>, the ranking's by <c>movierec eval --protocol held-out-users --grid</c>
/// (validation folds only); docs/quality.md has the numbers that chose them.
/// </summary>
public sealed record RecommenderOptions
{
    public Centering Centering { get; init; } = Centering.Baseline;

    /// <summary>k of the predicted stars: at most this many of the most similar users who rated a movie predict it.</summary>
    public int Neighbours { get; init; } = 60;

    /// <summary>Only users more similar than this are neighbours.</summary>
    public double MinSimilarity { get; init; }

    /// <summary>
    /// Only the most similar users, up to this many, are searched for neighbours. On
    /// ml-latest-small (610 users) that is everyone; on a 25M-sized matrix it bounds the work.
    /// </summary>
    public int CandidatePool { get; init; } = 2_000;

    /// <summary>Added to the sum of |similarity| when averaging neighbours' residuals, damping thin evidence.</summary>
    public double PredictionShrinkage { get; init; } = 0.25;

    /// <summary>
    /// 0: the predicting neighbours' cosine is over whole centred vectors. Above 0: over the movies
    /// both rated, shrunk by n/(n + this) for n movies in common (the "pearson-baseline" form).
    /// </summary>
    public double SimilarityShrinkage { get; init; } = 100;

    public double MovieBiasRegularisation { get; init; } = 10;

    public double UserBiasRegularisation { get; init; } = 15;

    public int BaselineEpochs { get; init; } = 10;

    /// <summary>K of the ranking: the movies the K most similar users rated are the candidates.</summary>
    public int RankingNeighbours { get; init; } = 35;

    public RankingSimilarity RankingSimilarity { get; init; } = RankingSimilarity.WhoRatedWhat;

    /// <summary>How each film counts in the who-rated-what cosine.</summary>
    public FilmWeighting FilmWeighting { get; init; } = FilmWeighting.None;

    /// <summary>
    /// The asymmetric cosine's α: similarity = x·y ÷ (‖x‖^(2α)·‖y‖^(2(1−α)) + shrink), x the person's
    /// vector, y a neighbour's. 0.5 is the plain cosine; above it, neighbours with long profiles
    /// are penalised less.
    /// </summary>
    public double RankingAlpha { get; init; } = 0.5;

    /// <summary>Added to the ranking cosine's denominator, so a neighbour sharing only a film or two counts less.</summary>
    public double RankingShrink { get; init; } = 5;

    public EvidenceFrom EvidenceFrom { get; init; } = EvidenceFrom.StarWeighted;

    /// <summary>Each neighbour's vote is its similarity raised to this power: above 1, the closest neighbours weigh more.</summary>
    public double SimilarityPower { get; init; } = 2;

    /// <summary>The evidence is divided by (the movie's MovieLens raters)^this, so blockbusters do not win on size alone.</summary>
    public double PopularityDamping { get; init; }

    /// <summary>
    /// Weight of the popularity prior (raters ÷ the most-rated movie's raters) added to the
    /// evidence: it orders movies the neighbours gave little or no evidence for, so a list is always full.
    /// </summary>
    public double PriorWeight { get; init; } = 0.01;

    /// <summary>
    /// How far the app's own users (the community, rows with negative ids) may move a list: at most
    /// this many times the evidence MovieLens's own nearest users give the same movie. A movie no
    /// MovieLens neighbour supports gets nothing from the community, however many profiles push it
    /// (docs/security.md). <see cref="double.PositiveInfinity"/> lets every neighbour count alike.
    /// </summary>
    public double CommunityEvidenceCap { get; init; } = 10;

    public void Validate()
    {
        Require(Neighbours >= 1, "Neighbours must be at least 1.");
        Require(MinSimilarity is >= 0 and < 1, "MinSimilarity must be in [0, 1).");
        Require(CandidatePool >= Neighbours && CandidatePool >= RankingNeighbours, "CandidatePool must be at least Neighbours and RankingNeighbours.");
        Require(PredictionShrinkage >= 0, "PredictionShrinkage must not be negative.");
        Require(SimilarityShrinkage >= 0, "SimilarityShrinkage must not be negative.");
        Require(MovieBiasRegularisation >= 0 && UserBiasRegularisation >= 0, "Bias regularisation must not be negative.");
        Require(BaselineEpochs >= 1, "BaselineEpochs must be at least 1.");
        Require(RankingNeighbours >= 1, "RankingNeighbours must be at least 1.");
        Require(RankingAlpha is >= 0 and <= 1, "RankingAlpha must be in [0, 1].");
        Require(RankingShrink >= 0, "RankingShrink must not be negative.");
        Require(SimilarityPower > 0, "SimilarityPower must be positive.");
        Require(PopularityDamping is >= 0 and <= 1, "PopularityDamping must be in [0, 1].");
        Require(PriorWeight >= 0, "PriorWeight must not be negative.");
        Require(CommunityEvidenceCap >= 0, "CommunityEvidenceCap must not be negative.");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
