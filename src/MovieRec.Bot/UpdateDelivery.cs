using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MovieRec.Service;
using MovieRec.Storage;
using Telegram.Bot.Types;

namespace MovieRec.Bot;

/// <summary>What became of a delivered update.</summary>
public enum DeliveryOutcome
{
    /// <summary>First delivery: the bot acted on it.</summary>
    Handled,

    /// <summary>A redelivery of an update already acted on: nothing was done.</summary>
    Duplicate,
}

/// <summary>
/// Acts on each update_id once, whichever instance and however often it arrives: the id is
/// claimed in Table Storage before the bot acts. A store outage while claiming surfaces as
/// <see cref="StoreUnavailableException"/> with nothing done, so the sender may retry; once
/// claimed, failures end in an apology to the user, never in a redelivery.
/// </summary>
public sealed class UpdateDelivery(IUpdateLedger ledger, UpdateHandler handler, IOptions<BotOptions> options, MovieRecMetrics metrics, ILogger<UpdateDelivery> logger)
{
    public async Task<DeliveryOutcome> DeliverAsync(Update update, CancellationToken cancellationToken)
    {
        if (!await ledger.TryClaimAsync(options.Value.BotId, update.Id, cancellationToken))
        {
            logger.LogInformation("Update {UpdateId} was already handled; ignoring the redelivery", update.Id);
            metrics.BotUpdates.Add(1, new KeyValuePair<string, object?>("outcome", "duplicate"));
            return DeliveryOutcome.Duplicate;
        }

        // Claimed: finish even if the sender hangs up, since a redelivery would now be ignored.
        await handler.HandleAsync(update, CancellationToken.None);
        metrics.BotUpdates.Add(1, new KeyValuePair<string, object?>("outcome", "handled"));
        return DeliveryOutcome.Handled;
    }
}
