using System.Diagnostics;
using MovieRec.Domain;

namespace MovieRec.Service;

/// <summary>
/// Everything read from MovieLens, loaded once per instance and immutable after: the catalog,
/// the trained recommender and the picker of movies to rate.
/// </summary>
public sealed class MovieLensModel
{
    private MovieLensModel(MovieCatalog catalog, UserBasedRecommender recommender, DateTimeOffset loadedAt, TimeSpan loadTime)
    {
        Catalog = catalog;
        Recommender = recommender;
        Offer = new MovieOffer(catalog, recommender, new UnratedMoviePicker(catalog, recommender.Matrix));
        LoadedAt = loadedAt;
        LoadTime = loadTime;
    }

    public MovieCatalog Catalog { get; }

    public UserBasedRecommender Recommender { get; }

    /// <summary>What /get_unrated_movie offers: the neighbours' films once a person has rated one, popularity-weighted before.</summary>
    public MovieOffer Offer { get; }

    public RatingMatrix Ratings => Recommender.Matrix;

    public DateTimeOffset LoadedAt { get; }

    public TimeSpan LoadTime { get; }

    /// <summary>Whether it came from the binary snapshot rather than the CSVs.</summary>
    public bool FromSnapshot { get; private init; }

    /// <summary>From the folder's snapshot when it is sound and current (no CSV parsing), else from its CSVs.</summary>
    public static MovieLensModel Load(string folder, RecommenderOptions options)
    {
        var clock = Stopwatch.StartNew();
        var snapshot = MovieLensSnapshot.TryRead(folder);
        var dataset = snapshot ?? MovieLensReader.ReadFolder(folder);
        var recommender = new UserBasedRecommender(dataset.Ratings, options);
        return new MovieLensModel(dataset.Catalog, recommender, DateTimeOffset.UtcNow, clock.Elapsed) { FromSnapshot = snapshot is not null };
    }

    /// <summary>A model of a dataset already in memory (tests, tools).</summary>
    public static MovieLensModel From(MovieLensDataset dataset, RecommenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var clock = Stopwatch.StartNew();
        var recommender = new UserBasedRecommender(dataset.Ratings, options);
        return new MovieLensModel(dataset.Catalog, recommender, DateTimeOffset.UtcNow, clock.Elapsed);
    }
}
