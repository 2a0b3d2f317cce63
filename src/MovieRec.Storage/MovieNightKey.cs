namespace MovieRec.Storage;

/// <summary>A night's key is its group's message; a replacement that names another message is a bug, not a change.</summary>
internal static class MovieNightKey
{
    public static void RequireSame(MovieNight current, MovieNight next)
    {
        if (current.ChatId != next.ChatId || current.MessageId != next.MessageId)
        {
            throw new ArgumentException(
                $"A night is replaced by the same group's night, not by the one of message {next.MessageId}.", nameof(next));
        }
    }
}
