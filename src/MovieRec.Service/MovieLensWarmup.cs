using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MovieRec.Domain;

namespace MovieRec.Service;

/// <summary>
/// Loads the MovieLens model, and runs one recommendation with it, beside the host's own start:
/// the server begins listening meanwhile, and a request that comes first simply waits for the
/// model (LiveModel loads it once). Both shorten the cold start (docs/performance.md).
/// </summary>
internal sealed class MovieLensWarmup(LiveModel live, IHostApplicationLifetime lifetime, ILogger<MovieLensWarmup> logger) : IHostedService
{
    private Task _loading = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loading = Task.Run(
            () =>
            {
                RecommendationModel loaded;
                try
                {
                    loaded = live.Current;
                }
                catch (Exception e)
                {
                    // Without its model the instance can answer nothing useful: say why once, and stop.
                    logger.LogCritical(e, "MovieLens could not be loaded; stopping");
                    Environment.ExitCode = 1;
                    lifetime.StopApplication();
                    return;
                }

                logger.LogInformation(
                    "MovieLens loaded in {LoadMs} ms from {Source}: {Movies} movies, {Users} users, {Ratings} ratings",
                    (long)loaded.LoadTime.TotalMilliseconds,
                    loaded.FromSnapshot ? "the snapshot" : "CSV",
                    loaded.Catalog.Count,
                    loaded.Ratings.UserCount,
                    loaded.Ratings.RatingCount);

                // So the first person's request runs compiled, warm code.
                loaded.Recommender.Recommend(MostRated(loaded, RecommendationRules.MinimumRatings), RecommendationRules.DefaultTopN);
            },
            CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => _loading.WaitAsync(cancellationToken);

    private static Dictionary<int, double> MostRated(RecommendationModel model, int count) =>
        Enumerable.Range(0, model.Ratings.MovieCount)
            .OrderByDescending(model.Ratings.RatingCountOf)
            .Take(count)
            .ToDictionary(model.Ratings.MovieId, _ => 4.0);
}
