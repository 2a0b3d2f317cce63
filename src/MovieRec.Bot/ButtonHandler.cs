using Microsoft.Extensions.Logging;
using MovieRec.Domain;
using MovieRec.Service;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace MovieRec.Bot;

/// <summary>
/// The bot's buttons: ratings, skips, films, /ratings pages and removals, the /forget confirmation.
/// Callback data is not signed, so each press is read for what it names and every write spends
/// the chat's rate limit; a button this bot would not send is answered as stale.
/// </summary>
public sealed class ButtonHandler(ITelegramBotClient bot, RecommenderService service, RateLimits limits, ChatReplies replies, ILogger<ButtonHandler> logger)
{
    public async Task OnButtonAsync(CallbackQuery query, CancellationToken cancellationToken)
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
        if ((isRating || isSkip || isForget || (isFilm && kind == "unrate")) && !limits.TryPersonWrite(ChatReplies.ChatIdOf(message.Chat), out _))
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
        await replies.AskAboutAsync(chat, movie, cancellationToken);
    }

    /// <summary>"unrate:{id}" under /ratings: the rating taken back, and the list shown again in place.</summary>
    private async Task UnrateAsync(CallbackQuery query, Message list, int movieId, CancellationToken cancellationToken)
    {
        var chatId = ChatReplies.ChatIdOf(list.Chat);
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
        var chatId = ChatReplies.ChatIdOf(list.Chat);
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
        var chatId = ChatReplies.ChatIdOf(chat);
        var rated = await replies.AsKnownUserAsync(chatId, () => service.RateMovieAsync(chatId, movieId, stars, cancellationToken), cancellationToken);

        if (rated.Refusal is not null)
        {
            // A movie this catalog does not have: a button from another deployment or a forged one.
            await bot.AnswerCallbackQuery(query.Id, BotTexts.StaleButton, cancellationToken: cancellationToken);
            return;
        }

        await bot.AnswerCallbackQuery(query.Id, BotTexts.Rated(stars), cancellationToken: cancellationToken);
        await replies.CloseQuestionAsync(question, BotTexts.YouRated(stars), cancellationToken);
        await replies.SendAsync(chat, BotTexts.RatingReceived, cancellationToken);
        var ratings = rated.Value!;
        if (ratings.StarsByMovie.Count < RecommendationRules.MinimumRatings)
        {
            await replies.SendAsync(chat, BotTexts.RatingsToGo(RecommendationRules.MinimumRatings - ratings.StarsByMovie.Count), cancellationToken);
        }

        // The next film from the ratings the rating's answer read: the partition is read once per press.
        await replies.OfferFromAsync(chat, service.UnratedMovieFor(ratings), cancellationToken);
    }

    /// <summary>"Haven't seen it": the movie is skipped for good, and the next one offered; no rating is confirmed.</summary>
    private async Task SkipAsync(CallbackQuery query, Message question, int movieId, CancellationToken cancellationToken)
    {
        var chat = question.Chat;
        var chatId = ChatReplies.ChatIdOf(chat);
        var skipped = await replies.AsKnownUserAsync(chatId, () => service.SkipMovieAsync(chatId, movieId, cancellationToken), cancellationToken);

        if (skipped.Refusal is not null)
        {
            await bot.AnswerCallbackQuery(query.Id, BotTexts.StaleButton, cancellationToken: cancellationToken);
            return;
        }

        await bot.AnswerCallbackQuery(query.Id, BotTexts.Skipped, cancellationToken: cancellationToken);
        if (question.Text != BotTexts.HowDoYouRate)
        {
            // "Not interested" under a recommendation: its text stays, its buttons go.
            await replies.CloseButtonsAsync(question, cancellationToken);
            return;
        }

        await replies.CloseQuestionAsync(question, BotTexts.YouHaveNotSeenIt, cancellationToken);
        await replies.OfferMovieAsync(chat, cancellationToken);
    }

    /// <summary>The confirmed /forget: everything deleted, and the question closed so it is not pressed again.</summary>
    private async Task ForgetAsync(CallbackQuery query, Message confirmation, CancellationToken cancellationToken)
    {
        var forgotten = await service.ForgetAsync(ChatReplies.ChatIdOf(confirmation.Chat), cancellationToken);
        var answer = forgotten.Refusal is null ? BotTexts.Forgotten : BotTexts.NothingToForget;
        await bot.AnswerCallbackQuery(query.Id, answer, cancellationToken: cancellationToken);
        await replies.CloseQuestionAsync(confirmation, answer, cancellationToken);
    }

}
