using System.CommandLine;
using Microsoft.Extensions.Configuration;
using MovieRec.Bot;

namespace MovieRec.Cli;

/// <summary>
/// <c>movierec miniapp-link --user 42</c>: a local URL of the Mini App whose fragment carries initData
/// signed with TELEGRAM_BOT_TOKEN, as Telegram would sign it, for trying the page in a desktop
/// browser (the page reads tgWebAppData from its fragment when Telegram's script is absent).
/// </summary>
internal static class MiniAppLinkCommand
{
    public static Command Create()
    {
        var user = new Option<long>("--user") { Description = "The Telegram user id to sign in as.", Required = true };
        var app = new Option<string>("--app") { Description = "Where the app runs.", DefaultValueFactory = _ => "http://127.0.0.1:7071" };
        var command = new Command("miniapp-link", "Print a local Mini App URL signed in as a user (needs TELEGRAM_BOT_TOKEN, the app's own).");
        command.Options.Add(user);
        command.Options.Add(app);
        command.SetAction((parse, _) => Failure.ReportAsync(() =>
        {
            var options = new BotOptions();
            new ConfigurationBuilder().AddEnvironmentVariables().Build().Bind(options);
            if (!options.HasToken)
            {
                throw new InvalidOperationException("TELEGRAM_BOT_TOKEN is not set: the link must be signed with the app's own token.");
            }

            var initData = MiniAppInitData.Sign(options.Token!, parse.GetValue(user), DateTimeOffset.UtcNow);
            Console.WriteLine($"{parse.GetValue(app)!.TrimEnd('/')}/app#tgWebAppData={Uri.EscapeDataString(initData)}");
            return Task.FromResult(0);
        }));
        return command;
    }
}
