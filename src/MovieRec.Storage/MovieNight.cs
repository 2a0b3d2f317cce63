namespace MovieRec.Storage;

/// <summary>
/// A group's movie night, as the bot keeps it between button presses: who started it, the genre
/// asked for, who is in (in the order they joined), and how far it got. It belongs to its group's
/// message: <see cref="ChatId"/> and <see cref="MessageId"/> are its key. Once the films are
/// picked it also holds the poll's message and the films in the poll's order.
/// </summary>
public sealed record MovieNight(long ChatId, int MessageId, NightMember StartedBy, string Genre, IReadOnlyList<NightMember> Members, NightStage Stage)
{
    /// <summary>The message of the poll; 0 until the films are picked.</summary>
    public int PollMessageId { get; init; }

    /// <summary>The films of the poll, best for the group first, one per poll option; empty until picked.</summary>
    public IReadOnlyList<int> Films { get; init; } = [];

    /// <summary>The language of whoever started it (a PersonLanguage name: en, ru, zh-TW): the night's messages stay in that language. Empty: English.</summary>
    public string Language { get; init; } = "";
}

/// <summary>A Telegram user in a movie night, with the first name the group sees.</summary>
public sealed record NightMember(long UserId, string FirstName);

/// <summary>How far a movie night got; it only moves forward, except a pick that failed, which opens it again.</summary>
public enum NightStage
{
    /// <summary>People join and leave; anyone may ask for the films.</summary>
    Open,

    /// <summary>One press is picking the films; others are told so.</summary>
    Picking,

    /// <summary>The poll is open; whoever started the night may close it.</summary>
    Voting,

    /// <summary>The vote is closed and the winner announced.</summary>
    Closed,
}

/// <summary>A night as read, with the version a conditional write needs (<see cref="IMovieNightStore.TryReplaceAsync"/>).</summary>
public sealed record VersionedNight(MovieNight Night, string Version);
