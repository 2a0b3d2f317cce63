using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MovieRec.Bot;
using MovieRec.Service;

namespace MovieRec.Api;

public static class ApiRegistration
{
    /// <summary>What the HTTP hosts add to the core (AddMovieRecCore): the bot, the webhook, the key check and the JSON the answers are written in.</summary>
    public static IServiceCollection AddMovieRecApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMovieRecBot(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<FailureLog>();
        services.AddOptions<ApiKeyOptions>().Bind(configuration)
            .Validate(o => o.All.All(k => k.Length >= ApiKeyOptions.MinimumLength), $"API_KEYS: every key must be at least {ApiKeyOptions.MinimumLength} characters (for example `openssl rand -hex 32`).")
            .ValidateOnStart();
        services.AddSingleton<ApiKeyCheck>();
        services.AddSingleton<IValidateOptions<BotOptions>, WebhookSecretRequired>();
        services.AddSingleton<Handlers>();
        services.AddSingleton<MiniAppApi>();
        services.AddScoped<HttpEndpoint>();
        // Transient: with a token it holds the bot's typed HttpClient, which must not live for the app's
        // lifetime; without one there is no client to build, and the webhook answers 503.
        services.AddTransient<ITelegramWebhook>(provider => provider.GetRequiredService<IOptions<BotOptions>>().Value.HasToken
            ? ActivatorUtilities.CreateInstance<TelegramWebhookHandler>(provider)
            : new WebhookWithoutBot());
        // The endpoint makes the webhook's handler only for a webhook call (the other routes need none),
        // in the request's scope, which disposes of it with the request.
        services.AddScoped<Func<ITelegramWebhook>>(provider => provider.GetRequiredService<ITelegramWebhook>);
        // Relaxed escaping: the answers are JSON for API clients, never inlined into HTML.
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, AnswerJson.Default);
        });

        return services;
    }
}
