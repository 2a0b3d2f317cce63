using System.Collections.Concurrent;

namespace MovieRec.Bot.Tests;

/// <summary>
/// The API boundary for tests of the conversation alone: users and ratings in memory, movies
/// offered in catalog order, and a recommendation of the first unrated movies once a user has 10
/// ratings. The real API behind this interface is tested end to end against Azurite.
/// </summary>
internal sealed class FakeMovieRecApi : IMovieRecApi
{
    public static readonly IReadOnlyList<UnratedMovie> Catalog =
    [
        .. Enumerable.Range(1, 14).Select(i => new UnratedMovie(i, $"Film number {i} ({1980 + i})", $"https://www.imdb.com/title/tt{i:D7}/")),
    ];

    public ConcurrentDictionary<string, ConcurrentDictionary<int, int>> Users { get; } = new();

    /// <summary>When true every call fails, as an unreachable API or store would.</summary>
    public bool Broken { get; set; }

    /// <summary>False plays a server (the original Flask one) that does not say how many ratings a user has.</summary>
    public bool ReportsCount { get; set; } = true;

    public Task<bool> RegisterAsync(string chatId, CancellationToken cancellationToken)
    {
        ThrowIfBroken();
        return Task.FromResult(Users.TryAdd(chatId, new ConcurrentDictionary<int, int>()));
    }

    public Task<UnratedMovie?> GetUnratedMovieAsync(string chatId, CancellationToken cancellationToken)
    {
        ThrowIfBroken();
        var rated = Users[chatId];
        return Task.FromResult(Catalog.FirstOrDefault(m => !rated.ContainsKey(m.Id)));
    }

    public Task<int?> RateMovieAsync(string chatId, int movieId, int stars, CancellationToken cancellationToken)
    {
        ThrowIfBroken();
        var ratings = Users[chatId];
        ratings[movieId] = stars;
        return Task.FromResult(ReportsCount ? ratings.Count : (int?)null);
    }

    public Task<IReadOnlyList<BotMovie>> RecommendAsync(string chatId, int topN, CancellationToken cancellationToken)
    {
        ThrowIfBroken();
        var rated = Users.GetValueOrDefault(chatId) ?? new ConcurrentDictionary<int, int>();
        IReadOnlyList<BotMovie> picks = rated.Count < 10
            ? []
            : Catalog.Where(m => !rated.ContainsKey(m.Id)).Take(topN).Select(m => new BotMovie(m.Title, m.Url)).ToList();
        return Task.FromResult(picks);
    }

    private void ThrowIfBroken()
    {
        if (Broken)
        {
            throw new MovieRecApiException("The ratings store is unreachable.");
        }
    }
}
