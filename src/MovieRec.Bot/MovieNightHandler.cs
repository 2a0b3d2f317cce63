using Microsoft.Extensions.Logging;
using MovieRec.Domain;
using MovieRec.Service;
using MovieRec.Storage;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace MovieRec.Bot;

/// <summary>
/// Movie night in a group (docs/api.md): /movienight posts a message people join with "I'm in"
/// (each with 10 ratings of their own), "Pick for us" asks the service for films for everyone in
/// and sends them with a poll, and whoever started the night closes the vote, after which the bot
/// names the winner. The night is kept in <see cref="IMovieNightStore"/>, so any instance continues
/// it, and shown in its message. Every change is written only if the night is still as read, and
/// decided again otherwise, so two presses at once never lose a member or pick twice; a stale press
/// (a pick after the poll, a second close, a join after the pick) is answered and changes nothing.
/// The poll is anonymous: the bot needs only the counts, and nobody's vote is kept or shown.
/// </summary>
public sealed class MovieNightHandler(
    ITelegramBotClient bot, RecommenderService service, IMovieNightStore nights, RateLimits limits, BotUsername username, ILogger<MovieNightHandler> logger)
{
    public const int FilmCount = 5;

    public const int FewestMembers = 2;

    /// <summary>As many as /recommend_group takes: each member is a ranking of their own to compute, and a name in every message.</summary>
    public const int MostMembers = 10;

    /// <summary>How often a change is decided again after other presses changed the night in between.</summary>
    private const int Attempts = 10;

    /// <summary>/movienight [genre] in a group: the night's message, and the night stored under it.</summary>
    public async Task StartAsync(Message command, User starter, string genreAsked, CancellationToken cancellationToken)
    {
        var texts = BotTexts.For(starter.LanguageCode);
        var genre = "";
        if (genreAsked.Length > 0 && !service.Genres.TryResolve(genreAsked, out genre))
        {
            await bot.SendMessage(command.Chat.Id, texts.UnknownGenre(genreAsked, service.Genres.Names), cancellationToken: cancellationToken);
            return;
        }

        // The night speaks the language of whoever started it, whoever presses later.
        var night = new MovieNight(command.Chat.Id, 0, MemberOf(starter), genre, [], NightStage.Open) { Language = texts.Language.Name };
        var sent = await bot.SendMessage(command.Chat.Id, TextOf(night), replyMarkup: NightButtons.Open(texts), cancellationToken: cancellationToken);
        await nights.TryStartAsync(night with { MessageId = sent.MessageId }, cancellationToken);
    }

    /// <summary>A press of a movie night's button, in the group whose night it is.</summary>
    public async Task OnPressAsync(CallbackQuery query, Message message, NightPress press, CancellationToken cancellationToken) =>
        await (press switch
        {
            JoinNightPress => JoinOrLeaveAsync(query, message, cancellationToken),
            PickNightPress => PickAsync(query, message, cancellationToken),
            CloseVotePress => CloseAsync(query, message, cancellationToken),
            _ => AnswerAsync(query, Presser(query).NightOver, cancellationToken),
        });

    /// <summary>"I'm in": in with 10 ratings, or a note and the private chat to rate in; pressed again, out.</summary>
    private async Task JoinOrLeaveAsync(CallbackQuery query, Message message, CancellationToken cancellationToken)
    {
        var person = Person.IdOf(query.From.Id);
        var texts = Presser(query);
        if (!limits.TryPersonWrite(person, out _))
        {
            await AnswerAsync(query, texts.SlowDown, cancellationToken, alert: true);
            return;
        }

        if (await nights.GetAsync(message.Chat.Id, message.MessageId, cancellationToken) is not { } read)
        {
            await AnswerAsync(query, texts.NightOver, cancellationToken);
            return;
        }

        var member = MemberOf(query.From);
        var leaving = read.Night.Members.Any(m => m.UserId == member.UserId);
        if (!leaving && read.Night.Stage == NightStage.Open && await RatedCountAsync(person, cancellationToken) is var rated and < RecommendationRules.MinimumRatings)
        {
            await bot.AnswerCallbackQuery(
                query.Id, texts.RateFirst(rated), url: PrivateChatLink.Url(await username.GetAsync(bot, cancellationToken), BotCommandList.Rate), cancellationToken: cancellationToken);
            return;
        }

        var change = await ChangeAsync(read, night => (night.Stage, leaving, In(night, member)) switch
        {
            (not NightStage.Open, _, _) => null,
            (_, true, true) => night with { Members = [.. night.Members.Where(m => m.UserId != member.UserId)] },
            (_, false, false) when night.Members.Count < MostMembers => night with { Members = [.. night.Members, member] },
            _ => null,
        }, cancellationToken);

        await AnswerAsync(query, change switch
        {
            { Now: null } => texts.NightOver,
            { Now.Night.Stage: not NightStage.Open and var stage } => PastOpen(stage, texts),
            { Done: false, Now: { } now } when !leaving && !In(now.Night, member) => texts.NightFull(MostMembers),
            _ => leaving ? texts.YouAreOut : texts.YouAreIn,
        }, cancellationToken);
        if (change is { Done: true, Now: { } changed })
        {
            await ShowAsync(changed.Night, cancellationToken);
        }
    }

    /// <summary>"Pick for us": claimed by one press, then the films and the poll; on a failure the night is open again.</summary>
    private async Task PickAsync(CallbackQuery query, Message message, CancellationToken cancellationToken)
    {
        var read = await nights.GetAsync(message.Chat.Id, message.MessageId, cancellationToken);
        var claim = read is null
            ? new Change(null, false)
            : await ChangeAsync(read, night => night.Stage == NightStage.Open && night.Members.Count >= FewestMembers ? night with { Stage = NightStage.Picking } : null, cancellationToken);
        var texts = Presser(query);
        if (claim is not { Done: true, Now: { } claimed })
        {
            await AnswerAsync(query, claim.Now?.Night.Stage switch
            {
                null => texts.NightOver,
                NightStage.Open => texts.NeedTwo,
                var stage => PastOpen(stage.Value, texts),
            }, cancellationToken);
            return;
        }

        await AnswerAsync(query, texts.Picking, cancellationToken);
        try
        {
            await PickForAsync(claimed, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The films could not be sent: open the night again, so a press can try once more.
            await TryReopenAsync(claimed, without: null, CancellationToken.None);
            throw;
        }
    }

    /// <summary>
    /// The films for everyone in: a member no longer ready is named and taken off (the night opens
    /// again), no film left says so, one film is the film, and more get the films message and the poll.
    /// </summary>
    private async Task PickForAsync(VersionedNight claimed, CancellationToken cancellationToken)
    {
        var night = claimed.Night;
        var texts = TextsOf(night);
        var picked = await service.RecommendGroupAsync(
            [.. night.Members.Select(m => Person.IdOf(m.UserId))], FilmCount, night.Genre.Length > 0 ? [night.Genre] : [], cancellationToken);
        switch (picked)
        {
            case MemberNotReady notReady:
                var member = night.Members.First(m => Person.IdOf(m.UserId) == notReady.ChatId);
                await TryReopenAsync(claimed, without: member, cancellationToken);
                await bot.SendMessage(night.ChatId, texts.NotReadyAnyMore(member.FirstName), cancellationToken: cancellationToken);
                break;
            case GroupFilms { Films.Count: 0 }:
                await TryReopenAsync(claimed, without: null, cancellationToken);
                await bot.SendMessage(night.ChatId, texts.NothingForTheGroup(night.Genre), cancellationToken: cancellationToken);
                break;
            case GroupFilms { Films: [var only] } films:
                await SendFilmsAsync(night, films, cancellationToken);
                await bot.SendMessage(night.ChatId, texts.OnlyFilm(only.Movie), cancellationToken: cancellationToken);
                await MoveOnAsync(claimed, n => n with { Stage = NightStage.Closed, Films = [only.Movie.Id] }, cancellationToken);
                break;
            case GroupFilms films:
                await SendFilmsAsync(night, films, cancellationToken);
                var poll = await bot.SendPoll(
                    night.ChatId,
                    texts.PollQuestion,
                    films.Films.Select(f => new InputPollOption(BotTexts.PollOption(f.Movie))),
                    isAnonymous: true,
                    replyParameters: night.MessageId,
                    replyMarkup: NightButtons.CloseVote(texts),
                    cancellationToken: cancellationToken);
                await MoveOnAsync(claimed, n => n with { Stage = NightStage.Voting, PollMessageId = poll.MessageId, Films = [.. films.Films.Select(f => f.Movie.Id)] }, cancellationToken);
                break;
        }
    }

    /// <summary>One message: each film with every member's predicted stars (by first name, in the order they joined) and why.</summary>
    private async Task SendFilmsAsync(MovieNight night, GroupFilms films, CancellationToken cancellationToken) =>
        await bot.SendMessage(
            night.ChatId,
            TextsOf(night).FilmsForTheGroup(night.Members.Count, films.Films.Select(f => (
                f.Movie,
                BotTexts.MembersStars(night.Members.Zip(f.Members, (member, stars) => (member.FirstName, stars.Stars))),
                f.Why.Text(TextsOf(night).Language)))),
            cancellationToken: cancellationToken);

    /// <summary>"Close the vote", under the poll: by whoever started the night, once; then the winner.</summary>
    private async Task CloseAsync(CallbackQuery query, Message poll, CancellationToken cancellationToken)
    {
        if (poll.ReplyToMessage is not { } nightMessage
            || await nights.GetAsync(poll.Chat.Id, nightMessage.MessageId, cancellationToken) is not { } read
            || read.Night.PollMessageId != poll.MessageId)
        {
            await AnswerAsync(query, Presser(query).NightOver, cancellationToken);
            return;
        }

        if (query.From.Id != read.Night.StartedBy.UserId)
        {
            await AnswerAsync(query, Presser(query).OnlyStarterCloses(read.Night.StartedBy.FirstName), cancellationToken, alert: true);
            return;
        }

        var close = await ChangeAsync(read, night => night.Stage == NightStage.Voting ? night with { Stage = NightStage.Closed } : null, cancellationToken);
        if (close is not { Done: true, Now: { } closed })
        {
            await AnswerAsync(query, close.Now is null ? Presser(query).NightOver : Presser(query).VoteAlreadyClosed, cancellationToken);
            return;
        }

        await AnswerAsync(query, text: null, cancellationToken);
        Poll stopped;
        try
        {
            stopped = await bot.StopPoll(poll.Chat.Id, poll.MessageId, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is not (OperationCanceledException or ApiRequestException { ErrorCode: 400 }))
        {
            // Telegram may not have stopped it: the vote is open again for another press. (A 400 says it will never stop: left closed.)
            await MoveOnAsync(closed, night => night.Stage == NightStage.Closed ? night with { Stage = NightStage.Voting } : null, CancellationToken.None);
            throw;
        }

        var winner = NightWinner.Of([.. stopped.Options.Select(o => o.VoterCount)]);
        if (!service.TryGetMovie(closed.Night.Films[winner.Option], out var film))
        {
            throw new InvalidOperationException($"The winning film {closed.Night.Films[winner.Option]} is not in the catalog.");
        }

        await bot.SendMessage(
            poll.Chat.Id, TextsOf(closed.Night).Winner(film, winner.Votes, stopped.TotalVoterCount, winner.Tie), replyParameters: poll.MessageId, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Changes the night as <paramref name="decide"/> says (null: nothing to do), deciding again on the
    /// night as it is whenever another press changed it between the read and the write.
    /// </summary>
    private async Task<Change> ChangeAsync(VersionedNight read, Func<MovieNight, MovieNight?> decide, CancellationToken cancellationToken)
    {
        var current = read;
        for (var attempt = 1; ; attempt++)
        {
            if (decide(current.Night) is not { } next)
            {
                return new Change(current, false);
            }

            if (await nights.TryReplaceAsync(current, next, cancellationToken) is { } changed)
            {
                return new Change(changed, true);
            }

            if (attempt == Attempts)
            {
                throw new InvalidOperationException($"Movie night {read.Night.MessageId} changed under {Attempts} presses in a row.");
            }

            if (await nights.GetAsync(read.Night.ChatId, read.Night.MessageId, cancellationToken) is not { } again)
            {
                return new Change(null, false);
            }

            current = again;
        }
    }

    /// <summary>A step past the pick, shown in the night's message (its buttons go).</summary>
    private async Task MoveOnAsync(VersionedNight from, Func<MovieNight, MovieNight?> decide, CancellationToken cancellationToken)
    {
        if (await ChangeAsync(from, decide, cancellationToken) is { Done: true, Now: { } now })
        {
            await ShowAsync(now.Night, cancellationToken);
        }
    }

    /// <summary>A pick that did not happen: the night open again, without a member who is not ready any more.</summary>
    private async Task TryReopenAsync(VersionedNight claimed, NightMember? without, CancellationToken cancellationToken)
    {
        try
        {
            await MoveOnAsync(claimed, night => night.Stage != NightStage.Picking ? null : night with
            {
                Stage = NightStage.Open,
                Members = [.. night.Members.Where(m => m.UserId != without?.UserId)],
            }, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not open movie night {MessageId} again after a pick that did not happen", claimed.Night.MessageId);
        }
    }

    /// <summary>The night's message as the night now is. Cosmetic: the store holds the night, so a failed edit is only logged.</summary>
    private async Task ShowAsync(MovieNight night, CancellationToken cancellationToken)
    {
        try
        {
            await bot.EditMessageText(
                night.ChatId, night.MessageId, TextOf(night), replyMarkup: night.Stage == NightStage.Open ? NightButtons.Open(TextsOf(night)) : null, cancellationToken: cancellationToken);
        }
        catch (ApiRequestException e)
        {
            logger.LogDebug("Could not show movie night {MessageId}: {Reason}", night.MessageId, e.Message);
        }
    }

    private async Task<int> RatedCountAsync(string person, CancellationToken cancellationToken) =>
        (await service.MyRatingsAsync(person, 0, 0, cancellationToken)).Value?.Total ?? 0;

    private async Task AnswerAsync(CallbackQuery query, string? text, CancellationToken cancellationToken, bool alert = false) =>
        await bot.AnswerCallbackQuery(query.Id, text, showAlert: alert, cancellationToken: cancellationToken);

    /// <summary>The answer to a join or a pick once the night has moved past people joining.</summary>
    private static string PastOpen(NightStage stage, BotTexts texts) => stage switch
    {
        NightStage.Picking => texts.AlreadyPicking,
        NightStage.Voting => texts.AlreadyPicked,
        _ => texts.NightOver,
    };

    /// <summary>A callback answer is seen by the presser only: it is in their language.</summary>
    private static BotTexts Presser(CallbackQuery query) => BotTexts.For(query.From.LanguageCode);

    /// <summary>What the group sees is in the night's language: its starter's.</summary>
    private static BotTexts TextsOf(MovieNight night) => BotTexts.For(night.Language);

    private static bool In(MovieNight night, NightMember member) => night.Members.Any(m => m.UserId == member.UserId);

    private static string TextOf(MovieNight night) => TextsOf(night).MovieNight(night.Genre, [.. night.Members.Select(m => m.FirstName)], night.Stage);

    /// <summary>A Telegram user as a night keeps them: the id, and the first name (at most Telegram's 64 characters).</summary>
    private static NightMember MemberOf(User user) => new(user.Id, BotTexts.Fit(user.FirstName, 64));

    /// <summary>The night after a change was decided: as it now is (null: gone), and whether this press changed it.</summary>
    private readonly record struct Change(VersionedNight? Now, bool Done);
}
