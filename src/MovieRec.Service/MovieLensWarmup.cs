using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MovieRec.Service;

/// <summary>Loads the MovieLens model while the host starts (resolving this service builds it), so no request waits for it.</summary>
internal sealed class MovieLensWarmup(MovieLensModel loaded, ILogger<MovieLensWarmup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation(
            "MovieLens loaded in {LoadMs} ms: {Movies} movies, {Users} users, {Ratings} ratings",
            (long)loaded.LoadTime.TotalMilliseconds,
            loaded.Catalog.Count,
            loaded.Ratings.UserCount,
            loaded.Ratings.RatingCount);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
