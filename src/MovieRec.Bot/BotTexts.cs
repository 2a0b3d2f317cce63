using System.Globalization;
using MovieRec.Domain;
using MovieRec.Storage;

namespace MovieRec.Bot;

/// <summary>Everything the bot says. docs/api.md quotes some sentences word for word; they are marked.</summary>
public static class BotTexts
{
    // Word for word as docs/api.md gives them.
    public const string Welcome = "Welcome!";
    public const string WelcomeBack = "Welcome back!";
    public const string HowDoYouRate = "How do you rate this movie?";
    public const string RatingReceived = "Your rating is received!";
    public const string NotEnoughRatings = "You have not rated enough movies, we cannot generate recommendation for you";

    public static readonly string HowToUse =
        $"Send /rate and score a few movies from 1 to 5. After {RecommendationRules.MinimumRatings} ratings, /recommend picks three films for you.";

    public const string NothingLeftToRate = "You have rated every movie I know. Send /recommend to see what you might like.";
    public const string Apology = "Sorry, something went wrong on our side. Please try again in a minute.";
    public const string StaleButton = "This button no longer works. Send /rate for a new movie.";

    public static string Help { get; } =
        "Here is what I can do:\n" + string.Join('\n', BotCommandList.All.Select(c => $"/{c.Command} - {c.Description}"));

    /// <summary>A movie offered for rating, as its own message: the title, then its IMDb page.</summary>
    public static string Movie(string title, string url) => $"{title}\n{url}";

    /// <summary>A recommended movie, as its own message: the title, its IMDb page, then why it was picked.</summary>
    public static string Recommendation(string title, string url, string reason) => $"{title}\n{url}\n{reason}";

    public static string RatingsToGo(int remaining) =>
        remaining == 1
            ? "Rate 1 more movie to unlock /recommend."
            : string.Create(CultureInfo.InvariantCulture, $"Rate {remaining} more movies to unlock /recommend.");

    /// <summary>What the rating question becomes once answered, so the buttons are not pressed twice by mistake.</summary>
    public static string YouRated(int stars) =>
        string.Create(CultureInfo.InvariantCulture, $"{HowDoYouRate} You gave it {stars} of 5.");

    public static string Rated(int stars) => string.Create(CultureInfo.InvariantCulture, $"Rated {stars} of 5");

    /// <summary>The callback answer to "Haven't seen it".</summary>
    public const string Skipped = "Skipped: you will not see it again";

    /// <summary>What the rating question becomes after "Haven't seen it".</summary>
    public const string YouHaveNotSeenIt = HowDoYouRate + " You haven't seen it.";

    /// <summary>The callback answer to a press past the chat's rate limit; nothing was stored.</summary>
    public const string SlowDown = "Slow down a little: that was faster than anyone rates films. Nothing was saved; try again in a minute.";

    public const string ForgetQuestion =
        "This deletes your ratings, skips and everything else MovieRec holds about you, and takes you out of the recommendations of others at the next refresh. It cannot be undone.";

    public const string Forgotten = "Done: everything MovieRec held about you is deleted. Send /start whenever you want to begin again.";

    public const string NothingToForget = "MovieRec holds nothing about you.";

    public const string Removed = "Removed: as if you never rated it";

    public const string AlreadyRemoved = "That rating is already gone.";

    /// <summary>What a title search found: the films are the buttons under it.</summary>
    public static string Found(string query) => $"Films matching \u201c{query}\u201d: press one to rate it.";

    public static string NothingFound(string query) =>
        $"No film matches \u201c{query}\u201d. Check the spelling, or send /rate and I will pick films for you.";

    public static string UnknownGenre(string genre, IEnumerable<string> genres) =>
        $"\u201c{Fit(genre, 64)}\u201d is not a genre I know. Try one of: {string.Join(", ", genres)}.";

    /// <summary>A personal command sent in a group: the bot keeps no group profile, so it points to a private chat.</summary>
    public const string PersonalInPrivate =
        "Ratings and picks are personal, so I keep them in a private chat with each of you. Tap below, then Start:";

    public const string OpenPrivateChat = "Open a private chat";

    /// <summary>The callback answer to a personal button pressed in a group (at most 200 characters, as Telegram allows).</summary>
    public static string ButtonInPrivateChat(string botUsername) =>
        $"Ratings are personal, so this button works in a private chat only. Open @{botUsername} to rate.";

    public const string OpenMiniApp = "Rate films on a grid, find any title and browse your recommendations:";

    public const string OpenMiniAppButton = "Open MovieRec";

    public const string MiniAppNotSetUp = "The MovieRec app is not set up on this server yet; everything works here in the chat.";

    // ---- Sharing, and inline mode (@bot words) ----

    public const string Share = "Share";

    /// <summary>A film as a shareable message (and as each film of a movie night): the title as MovieLens spells it (with its year), the genres, the IMDb page.</summary>
    public static string FilmCard(Movie movie)
    {
        var genres = GenreIndex.Of(movie);
        return genres.Count == 0 ? $"{movie.Title}\n{movie.Url}" : $"{movie.Title}\n{string.Join(", ", genres)}\n{movie.Url}";
    }

    /// <summary>A shared pick's personal line: the sharer's predicted stars. Word for word as docs/api.md gives it.</summary>
    public static string ForYou(double stars) => $"For you: {Stars(stars)}";

    /// <summary>A shared search result's personal line: the sharer's own rating.</summary>
    public static string YourRating(double stars) => string.Create(CultureInfo.InvariantCulture, $"You rated it {stars:0.#}★");

    /// <summary>The button above inline results for someone without picks of their own: it opens the private chat at /rate.</summary>
    public static readonly string RateForPicks = $"Rate {RecommendationRules.MinimumRatings} films for picks of your own";

    // ---- Movie night, in groups ----

    /// <summary>Word for word as docs/api.md gives it.</summary>
    public const string MovieNightQuestion = "Movie night! Who's in?";

    public const string ImIn = "I'm in";

    public const string PickForUs = "Pick for us";

    public const string CloseTheVote = "Close the vote";

    public const string MovieNightInGroups =
        "Movie night is for groups: add me to one and send /movienight there (or /movienight comedy for one genre).";

    /// <summary>The night's message, edited in place as people join and leave and once the films are picked.</summary>
    public static string MovieNight(string genre, IReadOnlyList<string> members, NightStage stage)
    {
        var lines = new List<string> { MovieNightQuestion };
        if (genre.Length > 0)
        {
            lines.Add($"Genre: {genre}");
        }

        lines.Add(members.Count == 0 ? "Nobody is in yet." : $"In: {NameList(members)}");
        lines.Add(stage == NightStage.Open
            ? $"Everyone with {RecommendationRules.MinimumRatings} ratings can join; two or more, and I pick films for all of you."
            : "The films are picked: vote in the poll below.");
        return string.Join('\n', lines);
    }

    public const string YouAreIn = "You're in.";

    public const string YouAreOut = "You're out.";

    /// <summary>The callback answer to "I'm in" from someone with too few ratings; the private chat opens with it.</summary>
    public static string RateFirst(int rated) =>
        string.Create(CultureInfo.InvariantCulture, $"Rate {RecommendationRules.MinimumRatings} films with me first (you have {rated}), then press I'm in again.");

    public static string NightFull(int most) => string.Create(CultureInfo.InvariantCulture, $"This movie night is full: I pick for {most} people at most.");

    public const string NeedTwo = "At least two people need to be in before I can pick.";

    public const string Picking = "Picking films for all of you…";

    public const string AlreadyPicking = "I'm picking the films already.";

    public const string AlreadyPicked = "The films are picked: vote in the poll.";

    public const string NightOver = "This movie night is over. Send /movienight to start a new one.";

    public static string OnlyStarterCloses(string name) => $"Only {Name(name)}, who started this movie night, can close the vote.";

    public const string VoteAlreadyClosed = "The vote is already closed.";

    /// <summary>A member who no longer has 10 ratings (or whose data was deleted) when the films are picked.</summary>
    public static string NotReadyAnyMore(string name) =>
        $"{Name(name)} no longer has {RecommendationRules.MinimumRatings} ratings with me, so I took them off the list. Press Pick for us again.";

    public static string NothingForTheGroup(string genre) =>
        genre.Length == 0
            ? "There is no film left that none of you has rated or skipped."
            : $"There is no {genre} film left that none of you has rated or skipped. Try /movienight without a genre.";

    /// <summary>One line of a group's film: each member's predicted stars, in the order they joined.</summary>
    public static string MembersStars(IEnumerable<(string Name, double Stars)> members) =>
        string.Join(" · ", members.Select(m => $"{Name(m.Name)} {Stars(m.Stars)}"));

    /// <summary>The films for the group, best for all of them first: each its card, the members' stars and the reason.</summary>
    public static string FilmsForTheGroup(int members, IEnumerable<(Movie Movie, string Stars, string Reason)> films) =>
        Fit(
            string.Create(CultureInfo.InvariantCulture, $"Films for the {members} of you, best for all of you first:\n\n")
            + string.Join("\n\n", films.Select((f, at) => string.Create(CultureInfo.InvariantCulture, $"{at + 1}. {FilmCard(f.Movie)}\n{f.Stars}\n{f.Reason}"))),
            MaxMessageLength);

    public const string PollQuestion = "Which film tonight?";

    /// <summary>A poll option: the film's title, within Telegram's 100 characters.</summary>
    public static string PollOption(Movie movie) => Fit(movie.Title, MaxPollOptionLength);

    /// <summary>The vote's outcome: the film with the most votes; on a tie, or with no votes, the group's higher-ranked film.</summary>
    public static string Winner(Movie movie, int votes, int voters, bool tie) =>
        (votes, tie) switch
        {
            (0, _) => $"The vote is closed. Nobody voted, so the group's top pick wins: {FilmCard(movie)}",
            (_, true) => string.Create(CultureInfo.InvariantCulture, $"The vote is closed: a tie at {Votes(votes)} each, so the group's higher-ranked film wins: {FilmCard(movie)}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"The vote is closed. Tonight's film, with {votes} of {Votes(voters)}: {FilmCard(movie)}"),
        };

    /// <summary>Only one film fits everyone: no vote, it is the film.</summary>
    public static string OnlyFilm(Movie movie) => $"Only one film fits all of you, so no vote: {FilmCard(movie)}";

    public const int MaxMessageLength = 4096;

    public const int MaxPollOptionLength = 100;

    /// <summary>A first name as the bot shows it: at most 16 characters, so five films for ten people fit one message.</summary>
    public static string Name(string firstName) => Fit(firstName, 16);

    /// <summary>"Ada", "Ada and Bob", "Ada, Bob and Cy".</summary>
    public static string NameList(IReadOnlyList<string> names) =>
        names.Count switch
        {
            0 => "",
            1 => Name(names[0]),
            _ => $"{string.Join(", ", names.Take(names.Count - 1).Select(Name))} and {Name(names[^1])}",
        };

    /// <summary>Predicted stars as the bot shows them: one decimal and a star ("4.3★").</summary>
    public static string Stars(double stars) => string.Create(CultureInfo.InvariantCulture, $"{stars:0.0}★");

    private static string Votes(int votes) => votes == 1 ? "1 vote" : string.Create(CultureInfo.InvariantCulture, $"{votes} votes");

    /// <summary>Text cut to at most <paramref name="most"/> characters, an ellipsis marking the cut (never inside a surrogate pair).</summary>
    public static string Fit(string text, int most)
    {
        if (text.Length <= most)
        {
            return text;
        }

        var keep = char.IsHighSurrogate(text[most - 2]) ? most - 2 : most - 1;
        return string.Concat(text.AsSpan(0, keep), "…");
    }
}
