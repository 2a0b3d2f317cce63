using MovieRec.Domain;
using MovieRec.Storage;

namespace MovieRec.Service;

/// <summary>
/// MovieRec's use cases, shared by the HTTP routes and the Telegram bot. Unknown users and
/// movies are exceptions the callers turn into their own answers; a store outage surfaces as
/// <see cref="StoreUnavailableException"/>.
/// </summary>
public sealed class RecommenderService(Lazy<MovieLensModel> model, IRatingStore store, Random random)
{
    private MovieLensModel Model => model.Value;

    /// <summary>True when this call created the user, false when the chat id was known.</summary>
    public Task<bool> RegisterAsync(string chatId, CancellationToken cancellationToken) =>
        store.TryRegisterAsync(chatId, cancellationToken);

    public async Task<Movie> GetUnratedMovieAsync(string chatId, CancellationToken cancellationToken)
    {
        var ratings = await store.GetRatingsAsync(chatId, cancellationToken) ?? throw new UnknownUserException(chatId);
        var rated = ratings.StarsByMovie.Keys.ToHashSet();
        return Model.Picker.Pick(rated, random) ?? throw new NoUnratedMovieException(chatId);
    }

    /// <summary>Stores the rating durably, replacing an earlier one. Returns how many movies the user has now rated.</summary>
    public async Task<int> RateMovieAsync(string chatId, int movieId, double stars, CancellationToken cancellationToken)
    {
        if (!Model.Catalog.Contains(movieId))
        {
            throw new UnknownMovieException(movieId);
        }

        if (!StarScale.IsValid(stars))
        {
            throw new ArgumentOutOfRangeException(nameof(stars), stars, "Stars must be 0.5 to 5 in half steps.");
        }

        if (!await store.SaveRatingAsync(chatId, movieId, stars, cancellationToken))
        {
            throw new UnknownUserException(chatId);
        }

        // Read after the write: Table Storage is strongly consistent, so the count includes this rating.
        return await CountRatingsAsync(chatId, cancellationToken) ?? throw new UnknownUserException(chatId);
    }

    /// <summary>How many movies the user has rated; null for an unknown chat id.</summary>
    public async Task<int?> CountRatingsAsync(string chatId, CancellationToken cancellationToken) =>
        (await store.GetRatingsAsync(chatId, cancellationToken))?.StarsByMovie.Count;

    /// <summary>The best <paramref name="topN"/> unrated movies; empty for an unknown user or one with too few ratings.</summary>
    public async Task<IReadOnlyList<RecommendedMovie>> RecommendAsync(string chatId, int topN, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(topN, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(topN, RecommendationRules.MaxTopN);
        var ratings = await store.GetRatingsAsync(chatId, cancellationToken);
        if (ratings is null)
        {
            return [];
        }

        return Model.Recommender.Recommend(ratings.StarsByMovie, topN)
            .Select(pick => new RecommendedMovie(
                Model.Catalog.Get(pick.MovieId),
                pick.Score,
                RecommendationReason.Describe(pick.Evidence, Model.Catalog)))
            .ToList();
    }
}
