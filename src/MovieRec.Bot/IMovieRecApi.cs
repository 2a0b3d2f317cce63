namespace MovieRec.Bot;

/// <summary>
/// The bot's one way to the MovieRec API: the four routes of the contract. Implemented over the
/// in-process services (the function app) and over HTTP (any server that speaks the contract).
/// Throws <see cref="MovieRecApiException"/> when the API cannot answer.
/// </summary>
public interface IMovieRecApi
{
    /// <summary>True when this call created the user; false for a known chat id.</summary>
    Task<bool> RegisterAsync(string chatId, CancellationToken cancellationToken);

    /// <summary>A movie the user has not rated; null when none is left.</summary>
    Task<UnratedMovie?> GetUnratedMovieAsync(string chatId, CancellationToken cancellationToken);

    /// <summary>Stores the rating. Returns how many movies the user has rated, when the API says.</summary>
    Task<int?> RateMovieAsync(string chatId, int movieId, int stars, CancellationToken cancellationToken);

    /// <summary>The best <paramref name="topN"/> movies for the user; empty under 10 ratings.</summary>
    Task<IReadOnlyList<BotMovie>> RecommendAsync(string chatId, int topN, CancellationToken cancellationToken);
}

/// <summary>A recommended movie as the bot shows it: a title and an IMDb (or MovieLens) page.</summary>
public sealed record BotMovie(string Title, string Url);

/// <summary>A movie offered for rating: the id goes into the rating buttons.</summary>
public sealed record UnratedMovie(int Id, string Title, string Url);

/// <summary>The API did not answer usefully: unreachable, a store outage, or an answer the bot cannot read.</summary>
public sealed class MovieRecApiException(string message, Exception? inner = null) : Exception(message, inner);
