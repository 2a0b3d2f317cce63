using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace MovieRec.Bot;

public static class BotRegistration
{
    /// <summary>Bot API retries after a 429 whose retry_after is at most this; longer waits would outlast a webhook call.</summary>
    public const int RetryAfterLimitSeconds = 10;

    /// <summary>
    /// The Telegram client (a typed HttpClient, so TELEGRAM_API_BASE_URL and tests can point it
    /// anywhere) and the update handling. Needs the core (AddMovieRecCore) alongside.
    /// </summary>
    public static IServiceCollection AddMovieRecBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotOptions>().Bind(configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotOptions>, BotOptionsValidation>();
        services.AddOptions<MiniAppOptions>().Bind(configuration).ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<MiniAppOptions>, MiniAppOptionsSetup>();
        services.AddSingleton<IValidateOptions<MiniAppOptions>, MiniAppOptionsValidation>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<MiniAppSignIn>();
        services.AddSingleton<BotUsername>();

        // No request logging on this client: Bot API URLs carry the token in their path.
        services.AddHttpClient(nameof(ITelegramBotClient))
            .RemoveAllLoggers()
            .AddTypedClient<ITelegramBotClient>((http, provider) =>
            {
                var options = provider.GetRequiredService<IOptions<BotOptions>>().Value;
                if (!options.HasToken)
                {
                    throw new InvalidOperationException("TELEGRAM_BOT_TOKEN is not set.");
                }

                return new TelegramBotClient(
                    new TelegramBotClientOptions(options.Token!, options.ResolvedApiBaseUrl)
                    {
                        RetryCount = 3,
                        RetryThreshold = RetryAfterLimitSeconds,
                    },
                    http);
            });

        // Transient, like the typed HttpClients they hold.
        services.AddTransient<UpdateHandler>();
        services.AddTransient<ButtonHandler>();
        services.AddTransient<ChatReplies>();
        services.AddTransient<MovieNightHandler>();
        services.AddTransient<InlineQueryHandler>();
        services.AddTransient<UpdateDelivery>();
        services.AddTransient<LongPolling>();
        services.AddTransient<WebhookRegistration>();
        return services;
    }
}
