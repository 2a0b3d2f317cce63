using Microsoft.Extensions.Logging;
using MovieRec.Storage;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace MovieRec.Bot;

/// <summary>
/// Long polling for machines without a public URL: removes any webhook (Telegram refuses
/// getUpdates while one is set), then fetches updates and delivers each through the same
/// <see cref="UpdateDelivery"/> the webhook uses; it registers the command lists as set-webhook does. An update is confirmed (the offset moves past
/// it) only once delivered, so a store outage delays it instead of dropping it.
/// </summary>
public sealed class LongPolling(ITelegramBotClient bot, UpdateDelivery delivery, BotUsername username, ILogger<LongPolling> logger)
{
    public static readonly TimeSpan PollTimeout = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await bot.DeleteWebhook(dropPendingUpdates: false, cancellationToken: cancellationToken);
        // Polling has no set-webhook step, so the command lists are registered here.
        await BotCommandList.RegisterAsync(bot, cancellationToken);
        // Asked once here, and kept for the links and name checks the updates need.
        logger.LogInformation("Polling for updates to @{BotName}", await username.GetAsync(bot, cancellationToken));

        var offset = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var updates = await bot.GetUpdates(
                    offset, timeout: (int)PollTimeout.TotalSeconds, allowedUpdates: BotCommandList.AllowedUpdates, cancellationToken: cancellationToken);
                foreach (var update in updates)
                {
                    await delivery.DeliverAsync(update, cancellationToken);
                    offset = update.Id + 1;
                }
            }
            catch (Exception e) when (e is StoreUnavailableException or RequestException && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Polling paused for {Delay}; the update at offset {Offset} will be fetched again", RetryDelay, offset);
                await Task.Delay(RetryDelay, cancellationToken);
            }
        }
    }
}
