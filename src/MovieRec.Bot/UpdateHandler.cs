using System.Globalization;
using Microsoft.Extensions.Logging;
using MovieRec.Domain;
using MovieRec.Service;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;
using Microsoft.Extensions.Options;

namespace MovieRec.Bot;

/// <summary>
/// The conversation of the contract: routes an update by its shape, then a command by its word,
/// and calls the same <see cref="RecommenderService"/> the HTTP routes call. A chat is registered
/// when the service first says it is unknown, not before every command, so a known user's button
/// press costs three store calls (the rating, the count, the next movie). Writes (ratings, skips,
/// forgetting) spend the chat's rate limit; past it the person is asked to slow down and nothing is
/// stored. A failure gets the user an apology and is logged with the update id.
/// </summary>
public sealed class UpdateHandler(
    ITelegramBotClient bot, RecommenderService service, RateLimits limits, IOptions<MiniAppOptions> miniApp, ILogger<UpdateHandler> logger)
{
    public const int RecommendationCount = RecommendationRules.DefaultTopN;

    public async Task HandleAsync(Update update, CancellationToken cancellationToken)
    {
        try
        {
            await (update switch
            {
                { Message: { } message } => OnMessageAsync(message, cancellationToken),
                { CallbackQuery: { } query } => OnButtonAsync(query, cancellationToken),
                // Edited messages, channel posts and the rest are not part of the conversation.
                _ => Task.CompletedTask,
            });
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Update {UpdateId} failed", update.Id);
            await ApologizeAsync(update, cancellationToken);
        }
    }

    private async Task OnMessageAsync(Message message, CancellationToken cancellationToken)
    {
        var chat = message.Chat;
        if (!CommandText.TryRead(message.Text, out var command, out var botName))
        {
            // In a group every message reaches the bot only with privacy mode off; answer commands alone there.
            if (chat.Type == ChatType.Private)
            {
                // A sticker, a photo, or a slash that is no command: the command list; words: a title search.
                await (string.IsNullOrWhiteSpace(message.Text) || message.Text.StartsWith('/')
                    ? SendAsync(chat, BotTexts.Help, cancellationToken)
                    : SearchAsync(chat, message.Text, cancellationToken));
            }

            return;
        }

        if (botName is not null && !await IsThisBotAsync(botName, cancellationToken))
        {
            return;
        }

        await (command switch
        {
            BotCommandList.Start => StartAsync(chat, cancellationToken),
            BotCommandList.Rate => OfferMovieAsync(chat, cancellationToken),
            BotCommandList.Recommend => RecommendAsync(chat, CommandText.ArgumentOf(message.Text), cancellationToken),
            BotCommandList.Ratings => SendRatingsAsync(chat, cancellationToken),
            BotCommandList.App => miniApp.Value.HasUrl
                ? bot.SendMessage(
                    chat.Id,
                    BotTexts.OpenMiniApp,
                    replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithWebApp(BotTexts.OpenMiniAppButton, new WebAppInfo(miniApp.Value.Url!))),
                    cancellationToken: cancellationToken)
                : SendAsync(chat, BotTexts.MiniAppNotSetUp, cancellationToken),
            BotCommandList.Forget => bot.SendMessage(chat.Id, BotTexts.ForgetQuestion, replyMarkup: ForgetButton.Markup, cancellationToken: cancellationToken),
            _ => SendAsync(chat, BotTexts.Help, cancellationToken),
        });
    }

    private async Task StartAsync(Chat chat, CancellationToken cancellationToken)
    {
        var isNew = await service.RegisterAsync(ChatIdOf(chat), cancellationToken);
        await SendAsync(chat, isNew ? BotTexts.Welcome : BotTexts.WelcomeBack, cancellationToken);
        await SendAsync(chat, BotTexts.HowToUse, cancellationToken);
    }

    /// <summary>/recommend, or /recommend &lt;genre&gt;: each pick its own message, with buttons to rate it after all or never see it again.</summary>
    private async Task RecommendAsync(Chat chat, string genre, CancellationToken cancellationToken)
    {
        var chatId = ChatIdOf(chat);
        string[] genres = [];
        if (genre.Length > 0)
        {
            if (!service.Genres.TryResolve(genre, out var resolved))
            {
                await SendAsync(chat, BotTexts.UnknownGenre(genre, service.Genres.Names), cancellationToken);
                return;
            }

            genres = [resolved];
        }

        var movies = await service.RecommendAsync(chatId, RecommendationCount, cancellationToken, genres);
        if (movies.Count == 0)
        {
            // Unknown and new users get here too: register them, as every command does before /start.
            await service.RegisterAsync(chatId, cancellationToken);
            await SendAsync(chat, BotTexts.NotEnoughRatings, cancellationToken);
            return;
        }

        foreach (var pick in movies)
        {
            await bot.SendMessage(
                chat.Id, BotTexts.Recommendation(pick.Movie.Title, pick.Movie.Url, pick.Reason), replyMarkup: FilmButtons.UnderRecommendation(pick.Movie.Id), cancellationToken: cancellationToken);
        }
    }

    /// <summary>Any other text in a private chat: a title search, one button per film found.</summary>
    private async Task SearchAsync(Chat chat, string text, CancellationToken cancellationToken)
    {
        var query = text.Length > 200 ? text[..200] : text.Trim();
        var found = await service.SearchAsync(query, 5, chatId: null, cancellationToken);
        if (found.Count == 0)
        {
            await SendAsync(chat, BotTexts.NothingFound(query), cancellationToken);
            return;
        }

        await bot.SendMessage(chat.Id, BotTexts.Found(query), replyMarkup: FilmButtons.Found(found.Select(f => (f.Movie.Id, f.Movie.Title))), cancellationToken: cancellationToken);
    }

    /// <summary>/ratings: the newest page of the person's ratings, as a new message.</summary>
    private async Task SendRatingsAsync(Chat chat, CancellationToken cancellationToken)
    {
        var chatId = ChatIdOf(chat);
        var page = await AsKnownUserAsync(chatId, () => service.MyRatingsAsync(chatId, 0, RatingsMessage.PageSize, cancellationToken), cancellationToken);
        var ratings = page.Value ?? new RatingsPage(0, []);
        await bot.SendMessage(chat.Id, RatingsMessage.Text(ratings, 0), replyMarkup: RatingsMessage.Buttons(ratings, 0), cancellationToken: cancellationToken);
    }

    private async Task OnButtonAsync(CallbackQuery query, CancellationToken cancellationToken)
    {
        if (query.Message is not { } message)
        {
            // A button of an inline message, which this bot never sends.
            await bot.AnswerCallbackQuery(query.Id, BotTexts.StaleButton, cancellationToken: cancellationToken);
            return;
        }

        var data = query.Data;
        var isRating = RatingButtons.TryRead(data, out var movieId, out var stars);
        var isSkip = RatingButtons.TryReadSkip(data, out var skippedId);
        var isFilm = FilmButtons.TryRead(data, out var kind, out var number);
        var isForget = ForgetButton.IsPressed(data);

        // Callback data is not signed, so a script can press any button: every write spends the chat's limit.
        if ((isRating || isSkip || isForget || (isFilm && kind == "unrate")) && !limits.TryPersonWrite(ChatIdOf(message.Chat), out _))
        {
            await bot.AnswerCallbackQuery(query.Id, BotTexts.SlowDown, showAlert: true, cancellationToken: cancellationToken);
            return;
        }

        await (isRating ? RateAsync(query, message, movieId, stars, cancellationToken)
            : isSkip ? SkipAsync(query, message, skippedId, cancellationToken)
            : isForget ? ForgetAsync(query, message, cancellationToken)
            : isFilm && kind == "movie" ? ShowMovieAsync(query, message.Chat, number, cancellationToken)
            : isFilm && kind == "unrate" ? UnrateAsync(query, message, number, cancellationToken)
            : isFilm && kind == "ratings" ? TurnPageAsync(query, message, number, cancellationToken)
            : bot.AnswerCallbackQuery(query.Id, BotTexts.StaleButton, cancellationToken: cancellationToken));
    }

    /// <summary>"movie:{id}" (a film found, "Seen it: rate", a film of /ratings): the film and its rating keyboard, as /rate sends them.</summary>
    private async Task ShowMovieAsync(CallbackQuery query, Chat chat, int movieId, CancellationToken cancellationToken)
    {
        if (!service.TryGetMovie(movieId, out var movie))
        {
            await bot.AnswerCallbackQuery(query.Id, BotTexts.StaleButton, cancellationToken: cancellationToken);
            return;
        }

        await bot.AnswerCallbackQuery(query.Id, cancellationToken: cancellationToken);
        await AskAboutAsync(chat, movie, cancellationToken);
    }

    /// <summary>"unrate:{id}" under /ratings: the rating taken back, and the list shown again in place.</summary>
    private async Task UnrateAsync(CallbackQuery query, Message list, int movieId, CancellationToken cancellationToken)
    {
        var chatId = ChatIdOf(list.Chat);
        var unrated = await service.UnrateMovieAsync(chatId, movieId, cancellationToken);
        await bot.AnswerCallbackQuery(
            query.Id, unrated.Refusal switch { null => BotTexts.Removed, Refusal.NotRated => BotTexts.AlreadyRemoved, _ => BotTexts.StaleButton }, cancellationToken: cancellationToken);
        if (unrated.Refusal is null or Refusal.NotRated)
        {
            await ShowRatingsPageAsync(list, OffsetOf(list), cancellationToken);
        }
    }

    /// <summary>"Older" / "Newer" under /ratings.</summary>
    private async Task TurnPageAsync(CallbackQuery query, Message list, int offset, CancellationToken cancellationToken)
    {
        await bot.AnswerCallbackQuery(query.Id, cancellationToken: cancellationToken);
        await ShowRatingsPageAsync(list, offset, cancellationToken);
    }

    /// <summary>"ratings:{offset}", or a list after a removal: the page shown in the same message.</summary>
    private async Task ShowRatingsPageAsync(Message list, int offset, CancellationToken cancellationToken)
    {
        var chatId = ChatIdOf(list.Chat);
        var page = await service.MyRatingsAsync(chatId, offset, RatingsMessage.PageSize, cancellationToken);
        var ratings = page.Value ?? new RatingsPage(0, []);
        if (ratings.Ratings.Count == 0 && offset > 0)
        {
            // The last film of the last page went: show the page before it.
            offset = Math.Max(0, offset - RatingsMessage.PageSize);
            ratings = (await service.MyRatingsAsync(chatId, offset, RatingsMessage.PageSize, cancellationToken)).Value ?? ratings;
        }

        try
        {
            await bot.EditMessageText(list.Chat.Id, list.MessageId, RatingsMessage.Text(ratings, offset), replyMarkup: RatingsMessage.Buttons(ratings, offset), cancellationToken: cancellationToken);
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
            if (FilmButtons.TryRead(button.CallbackData, out var kind, out var offset) && kind == "ratings")
            {
                return button.Text == FilmButtons.Newer ? offset + RatingsMessage.PageSize : Math.Max(0, offset - RatingsMessage.PageSize);
            }
        }

        return 0;
    }

    private async Task RateAsync(CallbackQuery query, Message question, int movieId, int stars, CancellationToken cancellationToken)
    {
        var chat = question.Chat;
        var chatId = ChatIdOf(chat);
        var rated = await AsKnownUserAsync(chatId, () => service.RateMovieAsync(chatId, movieId, stars, cancellationToken), cancellationToken);

        if (rated.Refusal is not null)
        {
            // A movie this catalog does not have: a button from another deployment or a forged one.
            await bot.AnswerCallbackQuery(query.Id, BotTexts.StaleButton, cancellationToken: cancellationToken);
            return;
        }

        await bot.AnswerCallbackQuery(query.Id, BotTexts.Rated(stars), cancellationToken: cancellationToken);
        await CloseQuestionAsync(question, BotTexts.YouRated(stars), cancellationToken);
        await SendAsync(chat, BotTexts.RatingReceived, cancellationToken);
        if (rated.Value < RecommendationRules.MinimumRatings)
        {
            await SendAsync(chat, BotTexts.RatingsToGo(RecommendationRules.MinimumRatings - rated.Value), cancellationToken);
        }

        await OfferMovieAsync(chat, cancellationToken);
    }

    /// <summary>"Haven't seen it": the movie is skipped for good, and the next one offered; no rating is confirmed.</summary>
    private async Task SkipAsync(CallbackQuery query, Message question, int movieId, CancellationToken cancellationToken)
    {
        var chat = question.Chat;
        var chatId = ChatIdOf(chat);
        var skipped = await AsKnownUserAsync(chatId, () => service.SkipMovieAsync(chatId, movieId, cancellationToken), cancellationToken);

        if (skipped.Refusal is not null)
        {
            await bot.AnswerCallbackQuery(query.Id, BotTexts.StaleButton, cancellationToken: cancellationToken);
            return;
        }

        await bot.AnswerCallbackQuery(query.Id, BotTexts.Skipped, cancellationToken: cancellationToken);
        if (question.Text != BotTexts.HowDoYouRate)
        {
            // "Not interested" under a recommendation: its text stays, its buttons go.
            await CloseButtonsAsync(question, cancellationToken);
            return;
        }

        await CloseQuestionAsync(question, BotTexts.YouHaveNotSeenIt, cancellationToken);
        await OfferMovieAsync(chat, cancellationToken);
    }

    /// <summary>The confirmed /forget: everything deleted, and the question closed so it is not pressed again.</summary>
    private async Task ForgetAsync(CallbackQuery query, Message confirmation, CancellationToken cancellationToken)
    {
        var forgotten = await service.ForgetAsync(ChatIdOf(confirmation.Chat), cancellationToken);
        var answer = forgotten.Refusal is null ? BotTexts.Forgotten : BotTexts.NothingToForget;
        await bot.AnswerCallbackQuery(query.Id, answer, cancellationToken: cancellationToken);
        await CloseQuestionAsync(confirmation, answer, cancellationToken);
    }

    /// <summary>/rate, and the next question after a press: a movie, then the buttons.</summary>
    private async Task OfferMovieAsync(Chat chat, CancellationToken cancellationToken)
    {
        var chatId = ChatIdOf(chat);
        var offer = await AsKnownUserAsync(chatId, () => service.GetUnratedMovieAsync(chatId, cancellationToken), cancellationToken);

        if (offer.Value is not { } movie)
        {
            await SendAsync(chat, BotTexts.NothingLeftToRate, cancellationToken);
            return;
        }

        await AskAboutAsync(chat, movie, cancellationToken);
    }

    /// <summary>A film, then the question with its rating keyboard.</summary>
    private async Task AskAboutAsync(Chat chat, Movie movie, CancellationToken cancellationToken)
    {
        await SendAsync(chat, BotTexts.Movie(movie.Title, movie.Url), cancellationToken);
        await bot.SendMessage(chat.Id, BotTexts.HowDoYouRate, replyMarkup: RatingButtons.For(movie.Id), cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Runs a use case for a chat; one the store does not know yet (a button or /rate before
    /// /start, a wiped store) is registered and the case run again, as the contract promises.
    /// </summary>
    private async Task<Outcome<T>> AsKnownUserAsync<T>(string chatId, Func<Task<Outcome<T>>> useCase, CancellationToken cancellationToken)
        where T : notnull
    {
        var outcome = await useCase();
        if (outcome.Refusal != Refusal.UnknownUser)
        {
            return outcome;
        }

        await service.RegisterAsync(chatId, cancellationToken);
        return await useCase();
    }

    /// <summary>Replaces the answered question's buttons with what was answered. Cosmetic: a failure is only logged.</summary>
    private async Task CloseQuestionAsync(Message question, string answered, CancellationToken cancellationToken)
    {
        try
        {
            await bot.EditMessageText(question.Chat.Id, question.MessageId, answered, cancellationToken: cancellationToken);
        }
        catch (ApiRequestException e)
        {
            // "message is not modified" (the same button pressed twice) and messages too old to edit land here.
            logger.LogDebug("Could not close the rating question {MessageId}: {Reason}", question.MessageId, e.Message);
        }
    }

    /// <summary>Takes the buttons off a message. Cosmetic: a failure is only logged.</summary>
    private async Task CloseButtonsAsync(Message message, CancellationToken cancellationToken)
    {
        try
        {
            await bot.EditMessageReplyMarkup(message.Chat.Id, message.MessageId, replyMarkup: null, cancellationToken: cancellationToken);
        }
        catch (ApiRequestException e)
        {
            logger.LogDebug("Could not take the buttons off {MessageId}: {Reason}", message.MessageId, e.Message);
        }
    }

    private async Task ApologizeAsync(Update update, CancellationToken cancellationToken)
    {
        // Two separate attempts: the button may already be answered when a later step failed.
        if (update.CallbackQuery is { } query)
        {
            await TryAsync(() => bot.AnswerCallbackQuery(query.Id, BotTexts.Apology, cancellationToken: cancellationToken), update.Id);
        }

        if ((update.Message?.Chat ?? update.CallbackQuery?.Message?.Chat) is { } chat)
        {
            await TryAsync(() => SendAsync(chat, BotTexts.Apology, cancellationToken), update.Id);
        }
    }

    private async Task TryAsync(Func<Task> apology, int updateId)
    {
        try
        {
            await apology();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not apologise for update {UpdateId}", updateId);
        }
    }

    // Asked only for commands that name a bot, which are rare outside groups.
    private async Task<bool> IsThisBotAsync(string botName, CancellationToken cancellationToken) =>
        string.Equals(botName, (await bot.GetMe(cancellationToken)).Username, StringComparison.OrdinalIgnoreCase);

    private async Task SendAsync(Chat chat, string text, CancellationToken cancellationToken) =>
        await bot.SendMessage(chat.Id, text, cancellationToken: cancellationToken);

    private static string ChatIdOf(Chat chat) => chat.Id.ToString(CultureInfo.InvariantCulture);
}
