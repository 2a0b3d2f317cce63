using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using MovieRec.Bot;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace MovieRec.Api;

/// <summary>
/// POST /telegram/webhook on a host with the bot configured: checks the secret header (401) before
/// anything else, reads the Update with Telegram.Bot's own JSON settings, and delivers it once.
/// Answers: 200 when acted on or already acted on; 503 with Retry-After when the store could not
/// be reached to record the update (nothing was done, so Telegram's retry is wanted); 500 with a
/// request id when the store refused to record it (a fault of the setup, logged as an error;
/// nothing was done); 4xx for a body that is not an Update, which Telegram never sends.
/// </summary>
public sealed class TelegramWebhookHandler(IOptions<BotOptions> options, UpdateDelivery delivery) : ITelegramWebhook
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    /// <summary>Telegram's updates are far smaller; the API routes' 16 KiB would refuse a long message with entities.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!SecretMatches(options.Value.WebhookSecret, request.Headers[SecretHeader]))
        {
            return ApiErrors.Of(StatusCodes.Status401Unauthorized, $"Missing or wrong {SecretHeader} header.");
        }

        if (!(await RequestBody.ReadAsync(request, cancellationToken, MaxBodyBytes)).TryGet(out var body, out var refusal)
            || !ReadUpdate(body).TryGet(out var update, out refusal))
        {
            return ApiErrors.Of(refusal);
        }

        var outcome = await delivery.DeliverAsync(update, cancellationToken);
        return TypedResults.Ok(new WebhookAnswer(outcome == DeliveryOutcome.Handled ? "handled" : "duplicate"));
    }

    private static Parsed<Update> ReadUpdate(JsonElement? body)
    {
        Update? update = null;
        try
        {
            update = body?.Deserialize<Update>(JsonBotAPI.Options);
        }
        catch (JsonException)
        {
            // Falls through to the refusal below.
        }

        return update is { Id: > 0 }
            ? update
            : new RequestRefusal(StatusCodes.Status400BadRequest, "The body is not a Telegram Update with an update_id.");
    }

    private static bool SecretMatches(string? expected, string? given)
    {
        if (string.IsNullOrEmpty(expected))
        {
            return true;
        }

        // As digests: FixedTimeEquals on the secrets themselves returns at once on a different length.
        return given is not null && Secrets.Match(expected, given);
    }
}
