using System.Globalization;
using System.Text;

namespace MovieRec.Bot;

/// <summary>
/// What a button press asks for, read once from its callback data. Callback data is not signed:
/// a modified client can send any string, so anything the bot would not have written reads as
/// <see cref="UnknownPress"/>. Each known press writes its own data (<c>Data</c>), so what the
/// bot sends and what it reads back cannot drift apart.
/// </summary>
public abstract record ButtonPress
{
    /// <summary>Telegram's limit on callback data; longer data is never the bot's own.</summary>
    public const int MaxDataBytes = 64;

    public static ButtonPress Read(string? data) =>
        data is null || Encoding.UTF8.GetByteCount(data) > MaxDataBytes
            ? UnknownPress.Instance
            : data.Split(':') switch
            {
                ["rate", var movie, var stars] when MovieIdIn(movie) is { } id && StarsIn(stars) is { } given => new RatePress(id, given),
                ["skip", var movie] when MovieIdIn(movie) is { } id => new SkipPress(id),
                ["movie", var movie] when MovieIdIn(movie) is { } id => new FilmPress(id),
                ["unrate", var movie] when MovieIdIn(movie) is { } id => new UnratePress(id),
                ["ratings", var offset] when NumberIn(offset) is { } from => new RatingsPagePress(from),
                ["forget", "yes"] => ForgetPress.Instance,
                ["night", "join"] => JoinNightPress.Instance,
                ["night", "pick"] => PickNightPress.Instance,
                ["night", "close"] => CloseVotePress.Instance,
                _ => UnknownPress.Instance,
            };

    private static int? MovieIdIn(string text) => NumberIn(text) is { } id and > 0 ? id : null;

    private static int? StarsIn(string text) => NumberIn(text) is { } stars and >= 1 and <= RatingButtons.MaxStars ? stars : null;

    /// <summary>A number as the bot writes one: digits only, no sign, no leading zero, within int.</summary>
    private static int? NumberIn(string text) =>
        text.Length > 0 && (text[0] != '0' || text.Length == 1)
        && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
}

/// <summary>A press that names a film of the catalog (or claims to: the handler checks it is there).</summary>
public abstract record MoviePress(int MovieId) : ButtonPress;

/// <summary>"rate:{movieId}:{stars}": one of the five rating buttons.</summary>
public sealed record RatePress(int MovieId, int Stars) : MoviePress(MovieId)
{
    public string Data => string.Create(CultureInfo.InvariantCulture, $"rate:{MovieId}:{Stars}");
}

/// <summary>"skip:{movieId}": "Haven't seen it" under a question, "Not interested" under a recommendation.</summary>
public sealed record SkipPress(int MovieId) : MoviePress(MovieId)
{
    public string Data => string.Create(CultureInfo.InvariantCulture, $"skip:{MovieId}");
}

/// <summary>"movie:{movieId}": a film found by title, "Seen it: rate", a film of /ratings — the film and its rating keyboard.</summary>
public sealed record FilmPress(int MovieId) : MoviePress(MovieId)
{
    public string Data => string.Create(CultureInfo.InvariantCulture, $"movie:{MovieId}");
}

/// <summary>"unrate:{movieId}": "Remove" under /ratings.</summary>
public sealed record UnratePress(int MovieId) : MoviePress(MovieId)
{
    public string Data => string.Create(CultureInfo.InvariantCulture, $"unrate:{MovieId}");
}

/// <summary>"ratings:{offset}": "Older" / "Newer" under /ratings.</summary>
public sealed record RatingsPagePress(int Offset) : ButtonPress
{
    public string Data => string.Create(CultureInfo.InvariantCulture, $"ratings:{Offset}");
}

/// <summary>"forget:yes": the /forget confirmation.</summary>
public sealed record ForgetPress : ButtonPress
{
    public static ForgetPress Instance { get; } = new();

    public const string Data = "forget:yes";
}

/// <summary>
/// A movie night's button, under a group's message. It names no night: the night is the one of the
/// message the button is under (its poll, for "Close the vote", replies to that message).
/// </summary>
public abstract record NightPress : ButtonPress;

/// <summary>"night:join": "I'm in", and pressed again, out.</summary>
public sealed record JoinNightPress : NightPress
{
    public static JoinNightPress Instance { get; } = new();

    public const string Data = "night:join";
}

/// <summary>"night:pick": "Pick for us".</summary>
public sealed record PickNightPress : NightPress
{
    public static PickNightPress Instance { get; } = new();

    public const string Data = "night:pick";
}

/// <summary>"night:close": "Close the vote", under the poll.</summary>
public sealed record CloseVotePress : NightPress
{
    public static CloseVotePress Instance { get; } = new();

    public const string Data = "night:close";
}

/// <summary>Data the bot never writes: forged, malformed, over-long, or of a kind this version does not know.</summary>
public sealed record UnknownPress : ButtonPress
{
    public static UnknownPress Instance { get; } = new();
}
