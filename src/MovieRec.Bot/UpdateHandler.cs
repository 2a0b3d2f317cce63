using System.Globalization;
using Microsoft.Extensions.Logging;
using MovieRec.Domain;
using MovieRec.Service;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace MovieRec.Bot;

/// <summary>
/// The conversation of the contract: routes an update by its shape, then a command by its word,
/// and calls the same <see cref="RecommenderService"/> the HTTP routes call. A chat is registered
/// when the service first says it is unknown, not before every command, so a known user's button
/// press costs three store calls (the rating, the count, the next movie). Writes (ratings, skips,
/// forgetting) spend the chat's rate limit; past it the person is asked to slow down and nothing is
/// stored. A failure gets the user an apology and is logged with the update id.
/// </summary>
public sealed class UpdateHandler(ITelegramBotClient bot, RecommenderService service, RateLimits limits, ILogger<UpdateHandler> logger)
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
                await SendAsync(chat, BotTexts.Help, cancellationToken);
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
            BotCommandList.Recommend => RecommendAsync(chat, cancellationToken),
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

    private async Task RecommendAsync(Chat chat, CancellationToken cancellationToken)
    {
        var chatId = ChatIdOf(chat);
        var movies = await service.RecommendAsync(chatId, RecommendationCount, cancellationToken);
        if (movies.Count == 0)
        {
            // Unknown and new users get here too: register them, as every command does before /start.
            await service.RegisterAsync(chatId, cancellationToken);
            await SendAsync(chat, BotTexts.NotEnoughRatings, cancellationToken);
            return;
        }

        foreach (var pick in movies)
        {
            await SendAsync(chat, BotTexts.Recommendation(pick.Movie.Title, pick.Movie.Url, pick.Reason), cancellationToken);
        }
    }

    private async Task OnButtonAsync(CallbackQuery query, CancellationToken cancellationToken)
    {
        // Every button writes; callback data is not signed, so a script can press any of them.
        if (query.Message is { } pressed && !limits.TryPersonWrite(ChatIdOf(pressed.Chat), out _))
        {
            await bot.AnswerCallbackQuery(query.Id, BotTexts.SlowDown, showAlert: true, cancellationToken: cancellationToken);
            return;
        }

        if (query.Message is { } question && RatingButtons.TryRead(query.Data, out var movieId, out var stars))
        {
            await RateAsync(query, question, movieId, stars, cancellationToken);
        }
        else if (query.Message is { } asked && RatingButtons.TryReadSkip(query.Data, out var skippedId))
        {
            await SkipAsync(query, asked, skippedId, cancellationToken);
        }
        else if (query.Message is { } confirmation && ForgetButton.IsPressed(query.Data))
        {
            await ForgetAsync(query, confirmation, cancellationToken);
        }
        else
        {
            await bot.AnswerCallbackQuery(query.Id, BotTexts.StaleButton, cancellationToken: cancellationToken);
        }
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
