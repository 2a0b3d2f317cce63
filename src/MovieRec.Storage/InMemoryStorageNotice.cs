using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MovieRec.Storage;

/// <summary>Says once, at start, that RATINGS_STORAGE=memory keeps nothing past the process, so nobody mistakes it for a deployment.</summary>
internal sealed class InMemoryStorageNotice(ILogger<InMemoryStorageNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation(
            "RATINGS_STORAGE={Setting}: ratings, Telegram update ids and community snapshots are kept in this process's memory and lost when it stops",
            StorageOptions.InMemory);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
