using System.Diagnostics;
using MovieRec.DataFiles;
using MovieRec.Domain;

namespace MovieRec.Service;

/// <summary>
/// What an instance recommends from, immutable once built: the MovieLens catalog, the neighbour
/// pool (MovieLens's users, plus the app's own from the newest <see cref="CommunitySnapshot"/>),
/// the trained recommender and the picker of movies to rate. A newer community gives a new model
/// (<see cref="WithCommunity"/>); <see cref="LiveModel"/> swaps it in.
/// </summary>
public sealed class RecommendationModel
{
    /// <param name="clock">Started when the making of this model began: training counts in its load time.</param>
    private RecommendationModel(
        MovieLensDataset movieLens, NeighbourPool pool, RecommenderOptions options, CommunitySnapshot? community, Stopwatch clock, bool fromSnapshot, TimeProvider time, CatalogIndexes? indexes = null)
    {
        _time = time;
        MovieLens = movieLens;
        _indexes = indexes ?? new CatalogIndexes(movieLens);
        Pool = pool;
        Recommender = new UserBasedRecommender(pool.Matrix, options);
        // The seen chances are built here, with the model, so that no request pays for them.
        Offer = new MovieOffer(movieLens.Catalog, Recommender, new UnratedMoviePicker(movieLens.Catalog, pool.Matrix)) { Chances = new SeenChances(pool.Matrix) };
        Community = community;
        LoadTime = clock.Elapsed;
        LoadedAt = time.GetUtcNow();
        BuiltAt = community?.BuiltAt ?? LoadedAt;
        FromSnapshot = fromSnapshot;
    }

    private readonly CatalogIndexes _indexes;
    private readonly TimeProvider _time;

    /// <summary>Title search over the catalog, built on first use (off the cold start) and shared by every model of the same MovieLens.</summary>
    public MovieSearch Search => _indexes.Search.Value;

    /// <summary>The catalog's genres, built on first use and shared like <see cref="Search"/>.</summary>
    public GenreIndex Genres => _indexes.Genres.Value;

    /// <summary>MovieLens as read from the instance's folder: the base every community is added to.</summary>
    public MovieLensDataset MovieLens { get; }

    public MovieCatalog Catalog => MovieLens.Catalog;

    public NeighbourPool Pool { get; }

    public UserBasedRecommender Recommender { get; }

    /// <summary>What /get_unrated_movie offers: the films a person most likely saw, given their ratings and skips.</summary>
    public MovieOffer Offer { get; }

    public RatingMatrix Ratings => Pool.Matrix;

    /// <summary>The community in the pool; null while the instance has MovieLens alone.</summary>
    public CommunitySnapshot? Community { get; }

    /// <summary>The community snapshot's version; 0 for MovieLens alone.</summary>
    public long Version => Community?.Version ?? 0;

    public int AppUsers => Pool.AppUsers;

    /// <summary>When the community was built (by whichever instance built it); the load time for MovieLens alone.</summary>
    public DateTimeOffset BuiltAt { get; }

    /// <summary>When this instance finished making this model.</summary>
    public DateTimeOffset LoadedAt { get; }

    /// <summary>How long making this model took: reading MovieLens (or the community) and training.</summary>
    public TimeSpan LoadTime { get; }

    /// <summary>Whether MovieLens came from the binary snapshot rather than the CSVs.</summary>
    public bool FromSnapshot { get; }

    /// <summary>MovieLens alone, from the folder's snapshot when it is sound and current (no CSV parsing), else from its CSVs.</summary>
    public static RecommendationModel Load(string folder, RecommenderOptions options, TimeProvider? time = null)
    {
        var clock = Stopwatch.StartNew();
        var snapshot = MovieLensSnapshot.TryRead(folder);
        var dataset = snapshot ?? MovieLensReader.ReadFolder(folder);
        return new RecommendationModel(dataset, NeighbourPool.Of(dataset.Ratings), options, null, clock, snapshot is not null, time ?? TimeProvider.System);
    }

    /// <summary>MovieLens alone, from a dataset already in memory (tests, tools).</summary>
    public static RecommendationModel From(MovieLensDataset dataset, RecommenderOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var clock = Stopwatch.StartNew();
        return new RecommendationModel(dataset, NeighbourPool.Of(dataset.Ratings), options, null, clock, fromSnapshot: false, time ?? TimeProvider.System);
    }

    /// <summary>The same MovieLens with <paramref name="community"/>'s members in the pool, in place of this model's.</summary>
    public RecommendationModel WithCommunity(CommunitySnapshot community)
    {
        ArgumentNullException.ThrowIfNull(community);
        var clock = Stopwatch.StartNew();
        var pool = NeighbourPool.Of(MovieLens.Ratings, community.Ratings);
        return new RecommendationModel(MovieLens, pool, Recommender.Options, community, clock, FromSnapshot, _time, _indexes);
    }

    /// <summary>The indexes that depend on the catalog alone, made once per MovieLens.</summary>
    private sealed class CatalogIndexes(MovieLensDataset movieLens)
    {
        public Lazy<MovieSearch> Search { get; } = new(() => new MovieSearch(
            movieLens.Catalog.Movies,
            id => movieLens.Ratings.TryGetMovieIndex(id, out var index) ? movieLens.Ratings.RatingCountOf(index) : 0));

        public Lazy<GenreIndex> Genres { get; } = new(() => new GenreIndex(movieLens.Catalog.Movies));
    }

    /// <summary>The chat's row in the pool, or -1: what keeps a person out of their own neighbours.</summary>
    public int SelfIndexOf(string chatId) => Pool.UserIndexOf(chatId);
}
