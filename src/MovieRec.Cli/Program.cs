using System.CommandLine;
using MovieRec.Cli;

var root = new RootCommand("MovieRec: movie recommendations from MovieLens, over HTTP and Telegram.");
root.Subcommands.Add(DataCommand.Create());
root.Subcommands.Add(RecommendCommand.Create());
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(SimulateOffersCommand.Create());
root.Subcommands.Add(EvalGroupsCommand.Create());
root.Subcommands.Add(CommunityGainCommand.Create());
root.Subcommands.Add(ShillingAttackCommand.Create());
root.Subcommands.Add(BotCommand.Create());
root.Subcommands.Add(MiniAppLinkCommand.Create());
return await root.Parse(args).InvokeAsync();
