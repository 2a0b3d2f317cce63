using System.Globalization;
using System.Resources;
using MovieRec.Domain;
using MovieRec.Storage;

namespace MovieRec.Bot;

/// <summary>
/// Everything the bot says, in one person's language (<see cref="PersonLanguage"/>): the words are in
/// Texts.resx (English, as docs/api.md quotes it), Texts.ru.resx and Texts.zh-TW.resx. Each update
/// picks its texts from the sender's <c>language_code</c> (<see cref="For"/>); the language is passed
/// along, never set as the thread's culture. Numbers are written the same way in every language.
/// </summary>
public sealed class BotTexts
{
    private static readonly ResourceManager Resources = new("MovieRec.Bot.Texts", typeof(BotTexts).Assembly);

    private BotTexts(CultureInfo language) => Language = language;

    public static BotTexts English { get; } = new(PersonLanguage.English);

    public static BotTexts Russian { get; } = new(PersonLanguage.Russian);

    public static BotTexts TraditionalChinese { get; } = new(PersonLanguage.TraditionalChinese);

    public static IReadOnlyList<BotTexts> All { get; } = [English, Russian, TraditionalChinese];

    public CultureInfo Language { get; }

    /// <summary>The texts for a Telegram <c>language_code</c> (none: English).</summary>
    public static BotTexts For(string? languageCode) => In(PersonLanguage.Of(languageCode));

    public static BotTexts In(CultureInfo language) => All.First(texts => texts.Language.Name == PersonLanguage.Spoken(language).Name);

    public string Welcome => Get(nameof(Welcome));
    public string WelcomeBack => Get(nameof(WelcomeBack));
    public string HowDoYouRate => Get(nameof(HowDoYouRate));

    /// <summary>Whether a message is the rating question in any language (the person may have switched since it was asked).</summary>
    public static bool IsRatingQuestion(string? text) => All.Any(texts => texts.HowDoYouRate == text);
    public string RatingReceived => Get(nameof(RatingReceived));
    public string NotEnoughRatings => Get(nameof(NotEnoughRatings));
    public string HowToUse => Format(nameof(HowToUse), RecommendationRules.MinimumRatings);
    public string NothingLeftToRate => Get(nameof(NothingLeftToRate));
    public string Apology => Get(nameof(Apology));
    public string StaleButton => Get(nameof(StaleButton));

    /// <summary>/help: every command with what it does.</summary>
    public string Help =>
        Get("HelpHeading") + "\n" + string.Join('\n', BotCommandList.In(this).Select(c => $"/{c.Command} - {c.Description}"));

    /// <summary>What a command does, as /help and setMyCommands list it.</summary>
    public string CommandDescription(string command) => Get($"Command_{command}");

    /// <summary>A movie offered for rating, as its own message: the title, then its IMDb page.</summary>
    public static string Movie(string title, string url) => $"{title}\n{url}";

    /// <summary>A recommended movie, as its own message: the title, its IMDb page, then why it was picked.</summary>
    public static string Recommendation(string title, string url, string reason) => $"{title}\n{url}\n{reason}";

    public string RatingsToGo(int remaining) => Format(Counted("RatingsToGo", remaining), remaining);

    /// <summary>What the rating question becomes once answered, so the buttons are not pressed twice by mistake.</summary>
    public string YouRated(int stars) => Format(nameof(YouRated), stars);

    public string Rated(int stars) => Format(nameof(Rated), stars);

    /// <summary>The callback answer to "Haven't seen it".</summary>
    public string Skipped => Get(nameof(Skipped));

    /// <summary>What the rating question becomes after "Haven't seen it".</summary>
    public string YouHaveNotSeenIt => Get(nameof(YouHaveNotSeenIt));

    /// <summary>The callback answer to a press past the chat's rate limit; nothing was stored.</summary>
    public string SlowDown => Get(nameof(SlowDown));

    public string ForgetQuestion => Get(nameof(ForgetQuestion));
    public string Forgotten => Get(nameof(Forgotten));
    public string NothingToForget => Get(nameof(NothingToForget));
    public string Removed => Get(nameof(Removed));
    public string AlreadyRemoved => Get(nameof(AlreadyRemoved));

    /// <summary>What a title search found: the films are the buttons under it.</summary>
    public string Found(string query) => Format(nameof(Found), query);

    public string NothingFound(string query) => Format(nameof(NothingFound), query);

    /// <summary>The genres are listed as the commands take them: MovieLens's names.</summary>
    public string UnknownGenre(string genre, IEnumerable<string> genres) => Format(nameof(UnknownGenre), Fit(genre, 64), string.Join(", ", genres));

    /// <summary>A personal command sent in a group: the bot keeps no group profile, so it points to a private chat.</summary>
    public string PersonalInPrivate => Get(nameof(PersonalInPrivate));

    public string OpenPrivateChat => Get(nameof(OpenPrivateChat));

    /// <summary>The callback answer to a personal button pressed in a group (at most 200 characters, as Telegram allows).</summary>
    public string ButtonInPrivateChat(string botUsername) => Format(nameof(ButtonInPrivateChat), botUsername);

    public string OpenMiniApp => Get(nameof(OpenMiniApp));
    public string OpenMiniAppButton => Get(nameof(OpenMiniAppButton));
    public string MiniAppNotSetUp => Get(nameof(MiniAppNotSetUp));

    // ---- Buttons ----

    public string SeenItRate => Get(nameof(SeenItRate));
    public string NotInterested => Get(nameof(NotInterested));
    public string Remove => Get(nameof(Remove));
    public string Older => Get(nameof(Older));
    public string Newer => Get(nameof(Newer));

    /// <summary>Whether a button is /ratings' "Newer" in any language.</summary>
    public static bool IsNewer(string? label) => All.Any(texts => texts.Newer == label);
    public string HaventSeenIt => Get(nameof(HaventSeenIt));
    public string YesDeleteEverything => Get(nameof(YesDeleteEverything));

    // ---- /ratings ----

    public string NoRatings => Get(nameof(NoRatings));

    /// <summary>"Your ratings, newest first (1–10 of 23):".</summary>
    public string RatingsHeading(int first, int last, int total) => Format(nameof(RatingsHeading), first, last, total);

    /// <summary>"Heat (1995): 4.5 of 5".</summary>
    public string RatingLine(string title, double stars) => Format(nameof(RatingLine), title, stars.ToString("0.#", CultureInfo.InvariantCulture));

    // ---- Sharing, and inline mode (@bot words) ----

    public string Share => Get(nameof(Share));

    /// <summary>A film as a shareable message (and as each film of a movie night): the title as MovieLens spells it (with its year), the genres, the IMDb page.</summary>
    public string FilmCard(Movie movie)
    {
        var genres = Genres(movie);
        return genres.Length == 0 ? $"{movie.Title}\n{movie.Url}" : $"{movie.Title}\n{genres}\n{movie.Url}";
    }

    /// <summary>A film's genres in this language, as one line ("Horror, Sci-Fi"); empty for none.</summary>
    public string Genres(Movie movie) => string.Join(Get("ListSeparator"), GenreNames.Of(movie, Language));

    /// <summary>A shared pick's personal line: the sharer's predicted stars. Word for word as docs/api.md gives it.</summary>
    public string ForYou(double stars) => Format(nameof(ForYou), Stars(stars));

    /// <summary>A shared search result's personal line: the sharer's own rating.</summary>
    public string YourRating(double stars) => Format(nameof(YourRating), stars.ToString("0.#", CultureInfo.InvariantCulture));

    /// <summary>The button above inline results for someone without picks of their own: it opens the private chat at /rate.</summary>
    public string RateForPicks => Format(nameof(RateForPicks), RecommendationRules.MinimumRatings);

    // ---- Movie night, in groups ----

    /// <summary>Word for word as docs/api.md gives it.</summary>
    public string MovieNightQuestion => Get(nameof(MovieNightQuestion));

    public string ImIn => Get(nameof(ImIn));
    public string PickForUs => Get(nameof(PickForUs));
    public string CloseTheVote => Get(nameof(CloseTheVote));
    public string MovieNightInGroups => Get(nameof(MovieNightInGroups));

    /// <summary>The night's message, edited in place as people join and leave and once the films are picked.</summary>
    public string MovieNight(string genre, IReadOnlyList<string> members, NightStage stage)
    {
        var lines = new List<string> { MovieNightQuestion };
        if (genre.Length > 0)
        {
            lines.Add(Format("NightGenre", GenreNames.In(genre, Language)));
        }

        lines.Add(members.Count == 0 ? Get("NobodyInYet") : Format("NightMembers", NameList(members)));
        lines.Add(stage == NightStage.Open ? Format("NightOpen", RecommendationRules.MinimumRatings) : Get("NightPicked"));
        return string.Join('\n', lines);
    }

    public string YouAreIn => Get(nameof(YouAreIn));
    public string YouAreOut => Get(nameof(YouAreOut));

    /// <summary>The callback answer to "I'm in" from someone with too few ratings; the private chat opens with it.</summary>
    public string RateFirst(int rated) => Format(nameof(RateFirst), RecommendationRules.MinimumRatings, rated);

    public string NightFull(int most) => Format(nameof(NightFull), most);

    public string NeedTwo => Get(nameof(NeedTwo));
    public string Picking => Get(nameof(Picking));
    public string AlreadyPicking => Get(nameof(AlreadyPicking));
    public string AlreadyPicked => Get(nameof(AlreadyPicked));
    public string NightOver => Get(nameof(NightOver));

    public string OnlyStarterCloses(string name) => Format(nameof(OnlyStarterCloses), Name(name));

    public string VoteAlreadyClosed => Get(nameof(VoteAlreadyClosed));

    /// <summary>A member who no longer has 10 ratings (or whose data was deleted) when the films are picked.</summary>
    public string NotReadyAnyMore(string name) => Format(nameof(NotReadyAnyMore), Name(name), RecommendationRules.MinimumRatings);

    /// <summary>No film left; with a genre, named as MovieLens spells it in English and translated in the others.</summary>
    public string NothingForTheGroup(string genre) =>
        genre.Length == 0 ? Get(nameof(NothingForTheGroup)) : Format("NothingForTheGroupInGenre", GenreNames.In(genre, Language));

    /// <summary>One line of a group's film: each member's predicted stars, in the order they joined.</summary>
    public static string MembersStars(IEnumerable<(string Name, double Stars)> members) =>
        string.Join(" · ", members.Select(m => $"{Name(m.Name)} {Stars(m.Stars)}"));

    /// <summary>The films for the group, best for all of them first: each its card, the members' stars and the reason.</summary>
    public string FilmsForTheGroup(int members, IEnumerable<(Movie Movie, string Stars, string Reason)> films) =>
        Fit(
            Format(nameof(FilmsForTheGroup), members) + "\n\n"
            + string.Join("\n\n", films.Select((f, at) => string.Create(CultureInfo.InvariantCulture, $"{at + 1}. {FilmCard(f.Movie)}\n{f.Stars}\n{f.Reason}"))),
            MaxMessageLength);

    public string PollQuestion => Get(nameof(PollQuestion));

    /// <summary>A poll option: the film's title, within Telegram's 100 characters.</summary>
    public static string PollOption(Movie movie) => Fit(movie.Title, MaxPollOptionLength);

    /// <summary>The vote's outcome: the film with the most votes; on a tie, or with no votes, the group's higher-ranked film.</summary>
    public string Winner(Movie movie, int votes, int voters, bool tie) =>
        (votes, tie) switch
        {
            (0, _) => Format("WinnerNoVotes", FilmCard(movie)),
            (_, true) => Format("WinnerTie", Format(Counted("Votes", votes), votes), FilmCard(movie)),
            _ => Format(nameof(Winner), votes, Format(Counted("VotesOutOf", voters), voters), FilmCard(movie)),
        };

    /// <summary>Only one film fits everyone: no vote, it is the film.</summary>
    public string OnlyFilm(Movie movie) => Format(nameof(OnlyFilm), FilmCard(movie));

    public const int MaxMessageLength = 4096;

    public const int MaxPollOptionLength = 100;

    /// <summary>A first name as the bot shows it: at most 16 characters, so five films for ten people fit one message.</summary>
    public static string Name(string firstName) => Fit(firstName, 16);

    /// <summary>"Ada", "Ada and Bob", "Ada, Bob and Cy".</summary>
    public string NameList(IReadOnlyList<string> names) =>
        names.Count switch
        {
            0 => "",
            1 => Name(names[0]),
            _ => Format("NamesAnd", string.Join(Get("ListSeparator"), names.Take(names.Count - 1).Select(Name)), Name(names[^1])),
        };

    /// <summary>Predicted stars as the bot shows them: one decimal and a star ("4.3★").</summary>
    public static string Stars(double stars) => string.Create(CultureInfo.InvariantCulture, $"{stars:0.0}★");

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

    private string Counted(string key, int count) => CountForm.Key(key, count, Language);

    private string Get(string key) => Resources.GetString(key, Language) ?? throw new KeyNotFoundException($"No bot text '{key}'.");

    private string Format(string key, params object[] values) => string.Format(CultureInfo.InvariantCulture, Get(key), values);
}
