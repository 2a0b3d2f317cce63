using Telegram.Bot;

namespace MovieRec.Bot;

/// <summary>
/// The bot's @username, asked of Telegram (getMe) the first time it is needed and kept for the
/// life of the process: links to the private chat carry it, and "/rate@Name" is checked against it.
/// A failed getMe is not kept, so the next update asks again.
/// </summary>
public sealed class BotUsername
{
    private string? _username;

    public async ValueTask<string> GetAsync(ITelegramBotClient bot, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _username) is { } known)
        {
            return known;
        }

        // Two first updates at once may both ask; they get the same answer.
        var me = await bot.GetMe(cancellationToken);
        var username = me.Username ?? throw new InvalidOperationException("getMe answered without a username; every bot has one.");
        Volatile.Write(ref _username, username);
        return username;
    }
}
