using Microsoft.AspNetCore.Http;

namespace MovieRec.Api;

/// <summary>
/// POST /telegram/webhook: <see cref="TelegramWebhookHandler"/> on a host with TELEGRAM_BOT_TOKEN,
/// <see cref="WebhookWithoutBot"/> on one without (ApiRegistration picks).
/// </summary>
public interface ITelegramWebhook
{
    Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken);
}

/// <summary>A deployment without the bot: 503, and Telegram may try again later (after the token is set).</summary>
public sealed class WebhookWithoutBot : ITelegramWebhook
{
    public Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.HttpContext.Response.Headers.RetryAfter = "60";
        return Task.FromResult<IResult>(ApiErrors.Of(
            StatusCodes.Status503ServiceUnavailable, "The Telegram bot is not configured on this server: TELEGRAM_BOT_TOKEN is not set."));
    }
}
