using Microsoft.Extensions.Logging;
using MovieRec.Domain;
using MovieRec.Service;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types.ReplyMarkups;

namespace MovieRec.Bot;

/// <summary>
/// The conversation of docs/api.md: routes an update by its shape — a message in a private chat by
/// its command word (any other text is a title search), a message in a group by its command alone,
/// a button press to <see cref="ButtonHandler"/>, an inline query to <see cref="InlineQueryHandler"/> —
/// and calls the same <see cref="RecommenderService"/> the HTTP routes call. A profile is a person
/// (<see cref="Person"/>): personal commands are answered in the private chat only, and a group gets
/// a link to one. A person is registered when the service first says they are unknown, not before
/// every command. A failure gets the user an apology and is logged with the update id.
/// </summary>
public sealed class UpdateHandler(
    ITelegramBotClient bot,
    RecommenderService service,
    ChatReplies replies,
    ButtonHandler buttons,
    MovieNightHandler nights,
    InlineQueryHandler inlineQueries,
    BotUsername username,
    IOptions<MiniAppOptions> miniApp,
    ILogger<UpdateHandler> logger)
{
    public const int RecommendationCount = RecommendationRules.DefaultTopN;

    public async Task HandleAsync(Update update, CancellationToken cancellationToken)
    {
        try
        {
            await (update switch
            {
                { Message: { Chat.Type: ChatType.Private, From: { } from } message } => OnPrivateMessageAsync(message, Person.In(message.Chat, from), cancellationToken),
                { Message: { Chat.Type: not ChatType.Private } message } => OnGroupMessageAsync(message, cancellationToken),
                { CallbackQuery: { } query } => buttons.OnButtonAsync(query, cancellationToken),
                { InlineQuery: { } inline } => inlineQueries.AnswerAsync(inline, cancellationToken),
                // Edited messages, channel posts, poll states (stopPoll answers the vote's counts) and the rest are not part of the conversation.
                _ => Task.CompletedTask,
            });
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Update {UpdateId} failed", update.Id);
            await ApologizeAsync(update, cancellationToken);
        }
    }

    private async Task OnPrivateMessageAsync(Message message, Person person, CancellationToken cancellationToken)
    {
        if (!CommandText.TryRead(message.Text, out var command, out var botName))
        {
            // A sticker, a photo, or a slash that is no command: the command list; words: a title search.
            await (string.IsNullOrWhiteSpace(message.Text) || message.Text.StartsWith('/')
                ? replies.SendAsync(person.Chat, person.Texts.Help, cancellationToken)
                : SearchAsync(person, message.Text, cancellationToken));
            return;
        }

        if (botName is null || await IsThisBotAsync(botName, cancellationToken))
        {
            await OnPersonalCommandAsync(person, command, CommandText.ArgumentOf(message.Text), cancellationToken);
        }
    }

    private async Task OnPersonalCommandAsync(Person person, string command, string argument, CancellationToken cancellationToken) =>
        await (command switch
        {
            BotCommandList.Start => StartAsync(person, argument, cancellationToken),
            BotCommandList.Rate => replies.OfferMovieAsync(person, cancellationToken),
            BotCommandList.Recommend => RecommendAsync(person, argument, cancellationToken),
            BotCommandList.Ratings => SendRatingsAsync(person, cancellationToken),
            BotCommandList.App => miniApp.Value.HasUrl
                ? bot.SendMessage(
                    person.Chat.Id,
                    person.Texts.OpenMiniApp,
                    replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithWebApp(person.Texts.OpenMiniAppButton, new WebAppInfo(miniApp.Value.Url!))),
                    cancellationToken: cancellationToken)
                : replies.SendAsync(person.Chat, person.Texts.MiniAppNotSetUp, cancellationToken),
            BotCommandList.Forget => bot.SendMessage(person.Chat.Id, person.Texts.ForgetQuestion, replyMarkup: ForgetButton.Markup(person.Texts), cancellationToken: cancellationToken),
            BotCommandList.MovieNight => replies.SendAsync(person.Chat, person.Texts.MovieNightInGroups, cancellationToken),
            _ => replies.SendAsync(person.Chat, person.Texts.Help, cancellationToken),
        });

    /// <summary>
    /// A message in a group (or a supergroup). With privacy mode on, Telegram sends the bot only
    /// commands; with it off, the members' talk too, which is not for the bot: no title search here.
    /// The bot keeps no group profile, so a personal command gets a link to the private chat; the
    /// group's own command is /movienight.
    /// </summary>
    private async Task OnGroupMessageAsync(Message message, CancellationToken cancellationToken)
    {
        if (!CommandText.TryRead(message.Text, out var command, out var botName)
            || (botName is not null && !await IsThisBotAsync(botName, cancellationToken)))
        {
            return;
        }

        var chat = message.Chat;
        var texts = BotTexts.For(message.From?.LanguageCode);
        await (command switch
        {
            BotCommandList.MovieNight when message.From is { } starter => nights.StartAsync(message, starter, CommandText.ArgumentOf(message.Text), cancellationToken),
            BotCommandList.Help => replies.SendAsync(chat, texts.Help, cancellationToken),
            _ when BotCommandList.Personal.Contains(command) => SendPrivateChatLinkAsync(chat, command, texts, cancellationToken),
            // "/something" for no bot in particular is most likely another bot's: a group can have several.
            _ when botName is null => Task.CompletedTask,
            _ => replies.SendAsync(chat, texts.Help, cancellationToken),
        });
    }

    /// <summary>The answer to a personal command in a group: a button that opens the private chat and runs the command there.</summary>
    private async Task SendPrivateChatLinkAsync(Chat group, string command, BotTexts texts, CancellationToken cancellationToken) =>
        await bot.SendMessage(
            group.Id,
            texts.PersonalInPrivate,
            replyMarkup: PrivateChatLink.Markup(await username.GetAsync(bot, cancellationToken), payload: command, texts),
            cancellationToken: cancellationToken);

    /// <summary>
    /// /start, and "/start rate" from a group's link (Telegram's deep link): the person is registered
    /// and welcomed, then taken straight to the command the payload names.
    /// </summary>
    private async Task StartAsync(Person person, string payload, CancellationToken cancellationToken)
    {
        var isNew = await service.RegisterAsync(person.Id, cancellationToken);
        await replies.SendAsync(person.Chat, isNew ? person.Texts.Welcome : person.Texts.WelcomeBack, cancellationToken);
        if (payload != BotCommandList.Start && BotCommandList.Personal.Contains(payload))
        {
            await OnPersonalCommandAsync(person, payload, argument: "", cancellationToken);
            return;
        }

        await replies.SendAsync(person.Chat, person.Texts.HowToUse, cancellationToken);
    }

    /// <summary>/recommend, or /recommend &lt;genre&gt;: each pick its own message, with buttons to rate it after all or never see it again.</summary>
    private async Task RecommendAsync(Person person, string genre, CancellationToken cancellationToken)
    {
        var chat = person.Chat;
        string[] genres = [];
        if (genre.Length > 0)
        {
            if (!service.Genres.TryResolve(genre, out var resolved))
            {
                await replies.SendAsync(chat, person.Texts.UnknownGenre(genre, service.Genres.Names), cancellationToken);
                return;
            }

            genres = [resolved];
        }

        var recommended = await service.RecommendAsync(person.Id, RecommendationCount, cancellationToken, genres);
        if (recommended.Value is not { Count: > 0 } movies)
        {
            if (recommended.Refusal == Refusal.UnknownUser)
            {
                // A person who never pressed /start is registered, as every command does.
                await service.RegisterAsync(person.Id, cancellationToken);
            }

            await replies.SendAsync(chat, person.Texts.NotEnoughRatings, cancellationToken);
            return;
        }

        var share = await username.SupportsInlineQueriesAsync(bot, cancellationToken);
        foreach (var pick in movies)
        {
            await bot.SendMessage(
                chat.Id,
                BotTexts.Recommendation(pick.Movie.Title, pick.Movie.Url, pick.Why.Text(person.Texts.Language)),
                replyMarkup: FilmButtons.UnderRecommendation(pick.Movie, share, person.Texts),
                cancellationToken: cancellationToken);
        }
    }

    /// <summary>Any other text in a private chat: a title search, one button per film found.</summary>
    private async Task SearchAsync(Person person, string text, CancellationToken cancellationToken)
    {
        var chat = person.Chat;
        var query = text.Length > 200 ? text[..200] : text.Trim();
        var found = await service.SearchAsync(query, 5, chatId: null, cancellationToken);
        if (found.Count == 0)
        {
            await replies.SendAsync(chat, person.Texts.NothingFound(query), cancellationToken);
            return;
        }

        await bot.SendMessage(chat.Id, person.Texts.Found(query), replyMarkup: FilmButtons.Found(found.Select(f => (f.Movie.Id, f.Movie.Title))), cancellationToken: cancellationToken);
    }

    /// <summary>/ratings: the newest page of the person's ratings, as a new message.</summary>
    private async Task SendRatingsAsync(Person person, CancellationToken cancellationToken)
    {
        var page = await replies.AsKnownUserAsync(person, () => service.MyRatingsAsync(person.Id, 0, RatingsMessage.PageSize, cancellationToken), cancellationToken);
        var ratings = page.Value ?? new RatingsPage(0, []);
        await bot.SendMessage(person.Chat.Id, RatingsMessage.Text(ratings, 0, person.Texts), replyMarkup: RatingsMessage.Buttons(ratings, 0, person.Texts), cancellationToken: cancellationToken);
    }

    private async Task ApologizeAsync(Update update, CancellationToken cancellationToken)
    {
        // Two separate attempts: the button may already be answered when a later step failed.
        var texts = BotTexts.For((update.Message?.From ?? update.CallbackQuery?.From)?.LanguageCode);
        if (update.CallbackQuery is { } query)
        {
            await TryAsync(() => bot.AnswerCallbackQuery(query.Id, texts.Apology, cancellationToken: cancellationToken), update.Id);
        }

        if ((update.Message?.Chat ?? update.CallbackQuery?.Message?.Chat) is { } chat)
        {
            await TryAsync(() => replies.SendAsync(chat, texts.Apology, cancellationToken), update.Id);
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

    private async Task<bool> IsThisBotAsync(string botName, CancellationToken cancellationToken) =>
        string.Equals(botName, await username.GetAsync(bot, cancellationToken), StringComparison.OrdinalIgnoreCase);
}
