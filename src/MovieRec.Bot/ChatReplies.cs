using Microsoft.Extensions.Logging;
using MovieRec.Domain;
using MovieRec.Service;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace MovieRec.Bot;

/// <summary>
/// The conversation steps the message and button handlers share: offering a film with its rating
/// keyboard, registering a person the service does not know yet, and closing answered questions.
/// </summary>
public sealed class ChatReplies(ITelegramBotClient bot, RecommenderService service, ILogger<ChatReplies> logger)
{
    /// <summary>/rate, and the next question after a press: a movie, then the buttons.</summary>
    public async Task OfferMovieAsync(Person person, CancellationToken cancellationToken)
    {
        var offer = await AsKnownUserAsync(person, () => service.GetUnratedMovieAsync(person.Id, cancellationToken), cancellationToken);
        await OfferFromAsync(person, offer, cancellationToken);
    }

    /// <summary>An offer already made: the movie and its buttons, or that nothing is left to rate.</summary>
    public async Task OfferFromAsync(Person person, Outcome<Movie> offer, CancellationToken cancellationToken)
    {
        if (offer.Value is not { } movie)
        {
            await SendAsync(person.Chat, person.Texts.NothingLeftToRate, cancellationToken);
            return;
        }

        await AskAboutAsync(person, movie, cancellationToken);
    }

    /// <summary>A film, then the question with its rating keyboard.</summary>
    public async Task AskAboutAsync(Person person, Movie movie, CancellationToken cancellationToken)
    {
        await SendAsync(person.Chat, BotTexts.Movie(movie.Title, movie.Url), cancellationToken);
        await bot.SendMessage(person.Chat.Id, person.Texts.HowDoYouRate, replyMarkup: RatingButtons.For(movie.Id, person.Texts), cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Runs a use case for a person; one the store does not know yet (a button or /rate before
    /// /start, a wiped store) is registered and the case run again, as docs/api.md promises.
    /// </summary>
    public async Task<Outcome<T>> AsKnownUserAsync<T>(Person person, Func<Task<Outcome<T>>> useCase, CancellationToken cancellationToken)
        where T : notnull
    {
        var outcome = await useCase();
        if (outcome.Refusal != Refusal.UnknownUser)
        {
            return outcome;
        }

        await service.RegisterAsync(person.Id, cancellationToken);
        return await useCase();
    }

    /// <summary>As <see cref="AsKnownUserAsync{T}"/>, for a use case with nothing to give back.</summary>
    public async Task<Outcome> AsKnownUserAsync(Person person, Func<Task<Outcome>> useCase, CancellationToken cancellationToken)
    {
        var outcome = await useCase();
        if (outcome.Refusal != Refusal.UnknownUser)
        {
            return outcome;
        }

        await service.RegisterAsync(person.Id, cancellationToken);
        return await useCase();
    }

    /// <summary>Replaces the answered question's buttons with what was answered. Cosmetic: a failure is only logged.</summary>
    public async Task CloseQuestionAsync(Message question, string answered, CancellationToken cancellationToken)
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
    public async Task CloseButtonsAsync(Message message, CancellationToken cancellationToken)
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

    public async Task SendAsync(Chat chat, string text, CancellationToken cancellationToken) =>
        await bot.SendMessage(chat.Id, text, cancellationToken: cancellationToken);
}
