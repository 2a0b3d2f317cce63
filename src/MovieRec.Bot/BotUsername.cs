using Telegram.Bot;
using Telegram.Bot.Types;

namespace MovieRec.Bot;

/// <summary>
/// The bot as Telegram describes it (getMe), asked the first time it is needed and kept for the
/// life of the process: its @username (links to the private chat carry it, and "/rate@Name" is
/// checked against it) and whether inline mode is on (BotFather's /setinline; a Share button opens
/// an inline query, so it is offered only then). A failed getMe is not kept, so the next update asks again.
/// </summary>
public sealed class BotUsername
{
    private User? _me;

    public async ValueTask<string> GetAsync(ITelegramBotClient bot, CancellationToken cancellationToken) =>
        (await MeAsync(bot, cancellationToken)).Username ?? throw new InvalidOperationException("getMe answered without a username; every bot has one.");

    /// <summary>Whether the bot answers inline queries; switching it on in BotFather takes effect at the next start.</summary>
    public async ValueTask<bool> SupportsInlineQueriesAsync(ITelegramBotClient bot, CancellationToken cancellationToken) =>
        (await MeAsync(bot, cancellationToken)).SupportsInlineQueries;

    private async ValueTask<User> MeAsync(ITelegramBotClient bot, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _me) is { } known)
        {
            return known;
        }

        // Two first updates at once may both ask; they get the same answer.
        var me = await bot.GetMe(cancellationToken);
        Volatile.Write(ref _me, me);
        return me;
    }
}
