using Microsoft.Extensions.Logging;
using MovieRec.Domain;
using MovieRec.Service;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace MovieRec.Bot;

/// <summary>
/// The bot's buttons: ratings, skips, films, /ratings pages and removals, the /forget confirmation,
/// and movie night's buttons in groups (<see cref="MovieNightHandler"/>).
/// The callback data is read once into a <see cref="ButtonPress"/> and routed by its kind. It is not
/// signed, so a press acts only for the person who pressed it (<c>from.id</c>), every write spends
/// that person's rate limit, and data the bot would not have written is answered as unknown.
/// </summary>
public sealed class ButtonHandler(
    ITelegramBotClient bot,
    RecommenderService service,
    RateLimits limits,
    ChatReplies replies,
    MovieNightHandler nights,
    BotUsername username,
    ILogger<ButtonHandler> logger)
{
    public async Task OnButtonAsync(CallbackQuery query, CancellationToken cancellationToken)
    {
        var press = ButtonPress.Read(query.Data);
        if (query.Message is not { } message || press is UnknownPress || (press is MoviePress { MovieId: var id } && !service.TryGetMovie(id, out _)))
        {
            // A forged or malformed press, a film this catalog does not have, or a button of an inline message (which this bot never sends).
            await AnswerUnknownAsync(query, cancellationToken);
            return;
        }

        if (message.Chat.Type != ChatType.Private)
        {
            await (press is NightPress night ? nights.OnPressAsync(query, message, night, cancellationToken) : RefuseInGroupAsync(query, cancellationToken));
            return;
        }

        // The presser's own profile and budget, whoever's message the button is under.
        var person = Person.In(message.Chat, query.From);
        if (press is (RatePress or SkipPress or UnratePress or ForgetPress) && !limits.TryPersonWrite(person.Id, out _))
        {
            await bot.AnswerCallbackQuery(query.Id, person.Texts.SlowDown, showAlert: true, cancellationToken: cancellationToken);
            return;
        }

        await (press switch
        {
            RatePress rate => RateAsync(query, message, person, rate, cancellationToken),
            SkipPress skip => SkipAsync(query, message, person, skip.MovieId, cancellationToken),
            FilmPress film => ShowFilmAsync(query, person, film.MovieId, cancellationToken),
            UnratePress unrate => UnrateAsync(query, message, person, unrate.MovieId, cancellationToken),
            RatingsPagePress page => TurnPageAsync(query, message, person, page.Offset, cancellationToken),
            ForgetPress => ForgetAsync(query, message, person, cancellationToken),
            _ => AnswerUnknownAsync(query, cancellationToken),
        });
    }

    /// <summary>
    /// A personal button under a message in a group or a channel (an old /rate question or /ratings
    /// list from before profiles were people, or forged data) is refused with a pointer to the private
    /// chat rather than acted on for the presser: a group message is nobody's own, and acting on it
    /// would post the presser's next question, their list or their deletion into the group for
    /// everyone to see. Nothing is stored and no write is spent. Only movie night's buttons act in a group.
    /// </summary>
    private async Task RefuseInGroupAsync(CallbackQuery query, CancellationToken cancellationToken) =>
        await bot.AnswerCallbackQuery(
            query.Id, BotTexts.For(query.From.LanguageCode).ButtonInPrivateChat(await username.GetAsync(bot, cancellationToken)), showAlert: true, cancellationToken: cancellationToken);

    /// <summary>The one answer to data the bot would not have written; nothing is stored.</summary>
    private async Task AnswerUnknownAsync(CallbackQuery query, CancellationToken cancellationToken) =>
        await bot.AnswerCallbackQuery(query.Id, BotTexts.For(query.From.LanguageCode).StaleButton, cancellationToken: cancellationToken);

    /// <summary>"movie:{id}" (a film found, "Seen it: rate", a film of /ratings): the film and its rating keyboard, as /rate sends them.</summary>
    private async Task ShowFilmAsync(CallbackQuery query, Person person, int movieId, CancellationToken cancellationToken)
    {
        if (!service.TryGetMovie(movieId, out var movie))
        {
            await AnswerUnknownAsync(query, cancellationToken);
            return;
        }

        await bot.AnswerCallbackQuery(query.Id, cancellationToken: cancellationToken);
        await replies.AskAboutAsync(person, movie, cancellationToken);
    }

    /// <summary>"unrate:{id}" under /ratings: the rating taken back, and the list shown again in place.</summary>
    private async Task UnrateAsync(CallbackQuery query, Message list, Person person, int movieId, CancellationToken cancellationToken)
    {
        var unrated = await service.UnrateMovieAsync(person.Id, movieId, cancellationToken);
        await bot.AnswerCallbackQuery(
            query.Id, unrated.Refusal switch { null => person.Texts.Removed, Refusal.NotRated => person.Texts.AlreadyRemoved, _ => person.Texts.StaleButton }, cancellationToken: cancellationToken);
        if (unrated.Refusal is null or Refusal.NotRated)
        {
            await ShowRatingsPageAsync(list, person, OffsetOf(list), cancellationToken);
        }
    }

    /// <summary>"Older" / "Newer" under /ratings.</summary>
    private async Task TurnPageAsync(CallbackQuery query, Message list, Person person, int offset, CancellationToken cancellationToken)
    {
        await bot.AnswerCallbackQuery(query.Id, cancellationToken: cancellationToken);
        await ShowRatingsPageAsync(list, person, offset, cancellationToken);
    }

    /// <summary>"ratings:{offset}", or a list after a removal: the page shown in the same message.</summary>
    private async Task ShowRatingsPageAsync(Message list, Person person, int offset, CancellationToken cancellationToken)
    {
        var page = await service.MyRatingsAsync(person.Id, offset, RatingsMessage.PageSize, cancellationToken);
        var ratings = page.Value ?? new RatingsPage(0, []);
        if (ratings.Ratings.Count == 0 && offset > 0)
        {
            // The last film of the last page went: show the page before it.
            offset = Math.Max(0, offset - RatingsMessage.PageSize);
            ratings = (await service.MyRatingsAsync(person.Id, offset, RatingsMessage.PageSize, cancellationToken)).Value ?? ratings;
        }

        try
        {
            await bot.EditMessageText(list.Chat.Id, list.MessageId, RatingsMessage.Text(ratings, offset, person.Texts), replyMarkup: RatingsMessage.Buttons(ratings, offset, person.Texts), cancellationToken: cancellationToken);
        }
        catch (ApiRequestException e)
        {
            logger.LogDebug("Could not show ratings page {Offset} in {MessageId}: {Reason}", offset, list.MessageId, e.Message);
        }
    }

    /// <summary>Which page a /ratings message shows, read from its paging buttons (the first page has no "Newer").</summary>
    private static int OffsetOf(Message list)
    {
        var buttons = list.ReplyMarkup?.InlineKeyboard.SelectMany(row => row) ?? [];
        foreach (var button in buttons)
        {
            if (ButtonPress.Read(button.CallbackData) is RatingsPagePress { Offset: var offset })
            {
                return BotTexts.IsNewer(button.Text) ? offset + RatingsMessage.PageSize : Math.Max(0, offset - RatingsMessage.PageSize);
            }
        }

        return 0;
    }

    private async Task RateAsync(CallbackQuery query, Message question, Person person, RatePress press, CancellationToken cancellationToken)
    {
        var chat = person.Chat;
        var stars = press.Stars;
        var rated = await replies.AsKnownUserAsync(person, () => service.RateMovieAsync(person.Id, press.MovieId, stars, cancellationToken), cancellationToken);
        if (!rated.TryGet(out var ratings))
        {
            await AnswerUnknownAsync(query, cancellationToken);
            return;
        }

        await bot.AnswerCallbackQuery(query.Id, person.Texts.Rated(stars), cancellationToken: cancellationToken);
        await replies.CloseQuestionAsync(question, person.Texts.YouRated(stars), cancellationToken);
        await replies.SendAsync(chat, person.Texts.RatingReceived, cancellationToken);
        if (ratings.StarsByMovie.Count < RecommendationRules.MinimumRatings)
        {
            await replies.SendAsync(chat, person.Texts.RatingsToGo(RecommendationRules.MinimumRatings - ratings.StarsByMovie.Count), cancellationToken);
        }

        // The next film from the ratings the rating's answer read: the partition is read once per press.
        await replies.OfferFromAsync(person, service.UnratedMovieFor(ratings), cancellationToken);
    }

    /// <summary>"Haven't seen it": the movie is skipped for good, and the next one offered; no rating is confirmed.</summary>
    private async Task SkipAsync(CallbackQuery query, Message question, Person person, int movieId, CancellationToken cancellationToken)
    {
        var skipped = await replies.AsKnownUserAsync(person, () => service.SkipMovieAsync(person.Id, movieId, cancellationToken), cancellationToken);
        if (skipped.Refusal is not null)
        {
            await AnswerUnknownAsync(query, cancellationToken);
            return;
        }

        await bot.AnswerCallbackQuery(query.Id, person.Texts.Skipped, cancellationToken: cancellationToken);
        if (!BotTexts.IsRatingQuestion(question.Text))
        {
            // "Not interested" under a recommendation: its text stays, its buttons go.
            await replies.CloseButtonsAsync(question, cancellationToken);
            return;
        }

        await replies.CloseQuestionAsync(question, person.Texts.YouHaveNotSeenIt, cancellationToken);
        await replies.OfferMovieAsync(person, cancellationToken);
    }

    /// <summary>The confirmed /forget: everything deleted, and the question closed so it is not pressed again.</summary>
    private async Task ForgetAsync(CallbackQuery query, Message confirmation, Person person, CancellationToken cancellationToken)
    {
        var forgotten = await service.ForgetAsync(person.Id, cancellationToken);
        var answer = forgotten.Refusal is null ? person.Texts.Forgotten : person.Texts.NothingToForget;
        await bot.AnswerCallbackQuery(query.Id, answer, cancellationToken: cancellationToken);
        await replies.CloseQuestionAsync(confirmation, answer, cancellationToken);
    }
}
