using System.Globalization;
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
/// The conversation of docs/api.md: routes an update by its shape — a message here, by its command
/// word (any other text is a title search), a button press to <see cref="ButtonHandler"/> — and calls
/// the same <see cref="RecommenderService"/> the HTTP routes call. A chat is registered when the
/// service first says it is unknown, not before every command. A failure gets the user an apology
/// and is logged with the update id.
/// </summary>
public sealed class UpdateHandler(
    ITelegramBotClient bot, RecommenderService service, ChatReplies replies, ButtonHandler buttons, IOptions<MiniAppOptions> miniApp, ILogger<UpdateHandler> logger)
{
    public const int RecommendationCount = RecommendationRules.DefaultTopN;

    public async Task HandleAsync(Update update, CancellationToken cancellationToken)
    {
        try
        {
            await (update switch
            {
                { Message: { } message } => OnMessageAsync(message, cancellationToken),
                { CallbackQuery: { } query } => buttons.OnButtonAsync(query, cancellationToken),
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
                    ? replies.SendAsync(chat, BotTexts.Help, cancellationToken)
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
            BotCommandList.Rate => replies.OfferMovieAsync(chat, cancellationToken),
            BotCommandList.Recommend => RecommendAsync(chat, CommandText.ArgumentOf(message.Text), cancellationToken),
            BotCommandList.Ratings => SendRatingsAsync(chat, cancellationToken),
            BotCommandList.App => miniApp.Value.HasUrl
                ? bot.SendMessage(
                    chat.Id,
                    BotTexts.OpenMiniApp,
                    replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithWebApp(BotTexts.OpenMiniAppButton, new WebAppInfo(miniApp.Value.Url!))),
                    cancellationToken: cancellationToken)
                : replies.SendAsync(chat, BotTexts.MiniAppNotSetUp, cancellationToken),
            BotCommandList.Forget => bot.SendMessage(chat.Id, BotTexts.ForgetQuestion, replyMarkup: ForgetButton.Markup, cancellationToken: cancellationToken),
            _ => replies.SendAsync(chat, BotTexts.Help, cancellationToken),
        });
    }

    private async Task StartAsync(Chat chat, CancellationToken cancellationToken)
    {
        var isNew = await service.RegisterAsync(ChatReplies.ChatIdOf(chat), cancellationToken);
        await replies.SendAsync(chat, isNew ? BotTexts.Welcome : BotTexts.WelcomeBack, cancellationToken);
        await replies.SendAsync(chat, BotTexts.HowToUse, cancellationToken);
    }

    /// <summary>/recommend, or /recommend &lt;genre&gt;: each pick its own message, with buttons to rate it after all or never see it again.</summary>
    private async Task RecommendAsync(Chat chat, string genre, CancellationToken cancellationToken)
    {
        var chatId = ChatReplies.ChatIdOf(chat);
        string[] genres = [];
        if (genre.Length > 0)
        {
            if (!service.Genres.TryResolve(genre, out var resolved))
            {
                await replies.SendAsync(chat, BotTexts.UnknownGenre(genre, service.Genres.Names), cancellationToken);
                return;
            }

            genres = [resolved];
        }

        var recommended = await service.RecommendAsync(chatId, RecommendationCount, cancellationToken, genres);
        if (recommended.Value is not { Count: > 0 } movies)
        {
            if (recommended.Refusal == Refusal.UnknownUser)
            {
                // A chat that never pressed /start is registered, as every command does.
                await service.RegisterAsync(chatId, cancellationToken);
            }

            await replies.SendAsync(chat, BotTexts.NotEnoughRatings, cancellationToken);
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
            await replies.SendAsync(chat, BotTexts.NothingFound(query), cancellationToken);
            return;
        }

        await bot.SendMessage(chat.Id, BotTexts.Found(query), replyMarkup: FilmButtons.Found(found.Select(f => (f.Movie.Id, f.Movie.Title))), cancellationToken: cancellationToken);
    }

    /// <summary>/ratings: the newest page of the person's ratings, as a new message.</summary>
    private async Task SendRatingsAsync(Chat chat, CancellationToken cancellationToken)
    {
        var chatId = ChatReplies.ChatIdOf(chat);
        var page = await replies.AsKnownUserAsync(chatId, () => service.MyRatingsAsync(chatId, 0, RatingsMessage.PageSize, cancellationToken), cancellationToken);
        var ratings = page.Value ?? new RatingsPage(0, []);
        await bot.SendMessage(chat.Id, RatingsMessage.Text(ratings, 0), replyMarkup: RatingsMessage.Buttons(ratings, 0), cancellationToken: cancellationToken);
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
            await TryAsync(() => replies.SendAsync(chat, BotTexts.Apology, cancellationToken), update.Id);
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

}
