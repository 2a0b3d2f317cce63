using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MovieRec.Bot;
using MovieRec.Service;

namespace MovieRec.Cli;

/// <summary><c>movierec bot poll</c> and <c>movierec bot set-webhook --url … [--secret …]</c>.</summary>
internal static class BotCommand
{
    public static Command Create()
    {
        var command = new Command("bot", "Run the Telegram bot with long polling, or register its webhook.");
        command.Subcommands.Add(Poll());
        command.Subcommands.Add(SetWebhook());
        return command;
    }

    private static Command Poll()
    {
        var command = new Command(
            "poll",
            "Answer Telegram updates by long polling (removes any webhook first). Uses the MovieRec services in this process.");
        command.SetAction((_, cancellationToken) => Failure.ReportAsync(async () =>
        {
            using var host = BuildHost();
            await host.StartAsync(cancellationToken);
            try
            {
                await host.Services.GetRequiredService<LongPolling>().RunAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl-C: a normal way to stop polling.
            }

            await host.StopAsync(CancellationToken.None);
            return 0;
        }));
        return command;
    }

    private static Command SetWebhook()
    {
        var url = new Option<string>("--url")
        {
            Description = "The deployed webhook, e.g. https://<app>.azurewebsites.net/telegram/webhook.",
            Required = true,
        };
        var secret = new Option<string?>("--secret")
        {
            Description = "The secret Telegram sends in X-Telegram-Bot-Api-Secret-Token (default: TELEGRAM_WEBHOOK_SECRET).",
        };
        var command = new Command(
            "set-webhook", "Register the webhook with its secret, the update types the bot reads (messages, button presses, inline queries), and the command list.");
        command.Options.Add(url);
        command.Options.Add(secret);
        command.SetAction((parse, cancellationToken) => Failure.ReportAsync(async () =>
        {
            using var host = BuildHost();
            var givenSecret = parse.GetValue(secret) ?? host.Services.GetRequiredService<IOptions<BotOptions>>().Value.WebhookSecret;
            var webhook = Uri.TryCreate(parse.GetValue(url), UriKind.Absolute, out var parsed)
                ? parsed
                : throw new ArgumentException($"--url must be an absolute URL, such as https://<app>.azurewebsites.net/telegram/webhook.");
            await host.Services.GetRequiredService<WebhookRegistration>()
                .RegisterAsync(webhook, string.IsNullOrEmpty(givenSecret) ? null : givenSecret, cancellationToken);
            Console.WriteLine($"Webhook set to {webhook}{(string.IsNullOrEmpty(givenSecret) ? " without a secret" : " with a secret")} for {UpdateTypes}; commands registered.");
            Console.WriteLine("Inline mode (@bot in any chat, and Share under recommendations) also needs BotFather's /setinline.");
            return 0;
        }));
        return command;
    }

    /// <summary>The update types as Telegram names them ("message, callback_query, inline_query").</summary>
    private static string UpdateTypes =>
        string.Join(", ", BotCommandList.AllowedUpdates.Select(type => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(type.ToString())));

    /// <summary>The bot with its settings from the environment, as the function app would have them.</summary>
    private static IHost BuildHost()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddMovieRecCore(builder.Configuration);
        builder.Services.AddMovieRecBot(builder.Configuration);
        var host = builder.Build();
        if (!host.Services.GetRequiredService<IOptions<BotOptions>>().Value.HasToken)
        {
            host.Dispose();
            throw new ArgumentException("TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather and export its token.");
        }

        return host;
    }
}
