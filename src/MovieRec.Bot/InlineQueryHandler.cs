using System.Globalization;
using MovieRec.Domain;
using MovieRec.Service;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.InlineQueryResults;

namespace MovieRec.Bot;

/// <summary>
/// Inline mode (docs/api.md), in any chat: "@bot words" answers the title search, "@bot" alone the
/// person's own picks (10+ ratings) or else the most widely rated films, each a film the person can
/// share as a message. The answers are personal (they carry the person's stars), so Telegram caches
/// them for that person only, and briefly: a rating in the private chat shows within a minute.
/// </summary>
public sealed class InlineQueryHandler(ITelegramBotClient bot, RecommenderService service)
{
    public const int ResultCount = 10;

    /// <summary>Seconds Telegram may answer the same person's same query from its cache.</summary>
    public const int CacheSeconds = 30;

    /// <summary>Telegram's limit on an inline query; longer text is not Telegram's.</summary>
    private const int MaxQueryLength = 256;

    public async Task AnswerAsync(InlineQuery query, CancellationToken cancellationToken)
    {
        var person = Person.IdOf(query.From.Id);
        var texts = BotTexts.For(query.From.LanguageCode);
        var words = query.Query.Length > MaxQueryLength ? query.Query[..MaxQueryLength].Trim() : query.Query.Trim();
        if (words.Length > 0)
        {
            var found = await service.SearchAsync(words, ResultCount, person, cancellationToken);
            await AnswerWithAsync(query, [.. found.Select(f => Article(f.Movie, f.YourRating is { } stars ? texts.YourRating(stars) : null, texts))], button: null, cancellationToken);
            return;
        }

        var picks = await service.RecommendAsync(person, ResultCount, cancellationToken);
        if (picks.Value is { Count: > 0 } mine)
        {
            await AnswerWithAsync(query, [.. mine.Select(p => Article(p.Movie, texts.ForYou(p.Score), texts))], button: null, cancellationToken);
            return;
        }

        // No picks yet: what most people rated, and a way into the private chat to rate.
        await AnswerWithAsync(
            query,
            [.. service.MostRated(ResultCount).Select(movie => Article(movie, personal: null, texts))],
            new InlineQueryResultsButton(texts.RateForPicks) { StartParameter = BotCommandList.Rate },
            cancellationToken);
    }

    private async Task AnswerWithAsync(InlineQuery query, IReadOnlyList<InlineQueryResultArticle> results, InlineQueryResultsButton? button, CancellationToken cancellationToken) =>
        await bot.AnswerInlineQuery(query.Id, results, cacheTime: CacheSeconds, isPersonal: true, button: button, cancellationToken: cancellationToken);

    /// <summary>One film as a result: its title and genres in the list, and the message it shares (with the person's line, if any).</summary>
    private static InlineQueryResultArticle Article(Movie movie, string? personal, BotTexts texts)
    {
        var card = texts.FilmCard(movie);
        return new InlineQueryResultArticle(
            movie.Id.ToString(CultureInfo.InvariantCulture),
            movie.Title,
            new InputTextMessageContent(personal is null ? card : $"{card}\n{personal}"))
        {
            Description = string.Join(" · ", new[] { texts.Genres(movie), personal }.Where(part => !string.IsNullOrEmpty(part))),
        };
    }
}
