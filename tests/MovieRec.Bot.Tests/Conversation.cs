using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MovieRec.Bot.Tests.Emulator;
using MovieRec.DataFiles;
using MovieRec.Domain;
using MovieRec.Service;
using MovieRec.Storage;
using MovieRec.Testing;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace MovieRec.Bot.Tests;

/// <summary>
/// The update handler wired as the hosts wire it (AddMovieRecBot), with the Bot API answered by the
/// emulator in memory and the real <see cref="RecommenderService"/> over a 14-film catalog (or the
/// model given) and the in-memory stores (each held to its Table twin's contract by its contract
/// suite). <see cref="SecondInstance"/> is another instance of the app over the same stores and the
/// same Telegram, as a second Functions instance would be.
/// </summary>
internal sealed class Conversation : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly int? _personWritesPerMinute;

    /// <param name="personWritesPerMinute">The chat's rate limit (RATE_LIMIT_PERSON_WRITES_PER_MINUTE); the default is the product's.</param>
    /// <param name="miniAppUrl">MINIAPP_URL; none by default.</param>
    /// <param name="model">The films and MovieLens ratings; <see cref="Model"/> by default.</param>
    /// <param name="nights">The movie nights; a fresh in-memory store by default.</param>
    public Conversation(int? personWritesPerMinute = null, string? miniAppUrl = null, RecommendationModel? model = null, IMovieNightStore? nights = null)
        : this(new BotApiEmulator(), new ObservedRatingStore(), nights ?? new InMemoryMovieNightStore(), new InMemoryUpdateLedger(), model ?? Model, personWritesPerMinute, miniAppUrl)
    {
    }

    private Conversation(
        BotApiEmulator telegram, ObservedRatingStore store, IMovieNightStore nights, IUpdateLedger ledger, RecommendationModel model, int? personWritesPerMinute, string? miniAppUrl)
    {
        Telegram = telegram;
        Store = store;
        Nights = nights;
        Ledger = ledger;
        UsedModel = model;
        _personWritesPerMinute = personWritesPerMinute;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["TELEGRAM_BOT_TOKEN"] = BotApiEmulator.Token,
                ["TELEGRAM_API_BASE_URL"] = "http://bot-api.invalid",
                ["MINIAPP_URL"] = miniAppUrl,
            })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(Log));
        services.AddMovieRecBot(configuration);
        services.AddHttpClient(nameof(ITelegramBotClient)).ConfigurePrimaryHttpMessageHandler(() => new EmulatorMessageHandler(Telegram));
        services.AddMetrics();
        services.AddSingleton<MovieRecMetrics>();
        services.AddSingleton(new RateLimits(Options.Create(personWritesPerMinute is { } limit ? new RateLimitOptions { PersonWritesPerMinute = limit } : new RateLimitOptions())));
        services.AddSingleton(provider => new RecommenderService(new LiveModel(model), Store, new Random(7), provider.GetRequiredService<MovieRecMetrics>()));
        services.AddSingleton(nights);
        services.AddSingleton(ledger);
        _services = services.BuildServiceProvider();
    }

    /// <summary>Another instance of the app (its own services, caches and rate limits) over the same stores, talking to the same Telegram.</summary>
    public Conversation SecondInstance() => new(Telegram, Store, Nights, Ledger, UsedModel, _personWritesPerMinute, miniAppUrl: null);

    /// <summary>Films 1–14, "Film number N (1980+N)", IMDb tt000000N, each rated by the five MovieLens users below.</summary>
    public static RecommendationModel Model { get; } = FourteenFilms();

    public BotApiEmulator Telegram { get; }

    public ObservedRatingStore Store { get; }

    public IMovieNightStore Nights { get; }

    public IUpdateLedger Ledger { get; }

    /// <summary>The model this conversation's service recommends from.</summary>
    public RecommendationModel UsedModel { get; }

    /// <summary>The service as the bot has it, to prepare profiles and to compute what a test expects.</summary>
    public RecommenderService Service => _services.GetRequiredService<RecommenderService>();

    public RecordingLogger Log { get; } = new();

    /// <summary>Delivers an update, read from Telegram's JSON exactly as the webhook reads it.</summary>
    public async Task DeliverAsync(string updateJson)
    {
        var update = JsonSerializer.Deserialize<Update>(updateJson, JsonBotAPI.Options)!;
        await _services.GetRequiredService<UpdateHandler>().HandleAsync(update, CancellationToken.None);
    }

    /// <summary>Delivers an update as the webhook does, through the update ledger: a redelivery is not acted on.</summary>
    public async Task<DeliveryOutcome> DeliverOnceAsync(string updateJson)
    {
        var update = JsonSerializer.Deserialize<Update>(updateJson, JsonBotAPI.Options)!;
        return await _services.GetRequiredService<UpdateDelivery>().DeliverAsync(update, CancellationToken.None);
    }

    public Task UserSendsAsync(long chatId, string text) => DeliverAsync(Telegram.UserSends(chatId, text));

    public Task MemberSendsAsync(long groupId, long userId, string text) => DeliverAsync(Telegram.GroupMemberSends(groupId, userId, text));

    /// <summary>Presses a button of the bot's latest message that has buttons.</summary>
    public Task UserPressesAsync(long chatId, string label)
    {
        var question = Telegram.BotMessages(chatId).Last(m => m.Buttons.Count > 0);
        return DeliverAsync(Telegram.UserPresses(chatId, question.MessageId, label));
    }

    public IReadOnlyList<string?> Texts(long chatId) => Telegram.BotMessages(chatId).Select(m => m.Text).ToList();

    /// <summary>The stored ratings of a chat; null for a chat never registered.</summary>
    public IReadOnlyDictionary<int, double>? Ratings(long chatId) =>
        Store.GetRatingsAsync(chatId.ToString(CultureInfo.InvariantCulture), CancellationToken.None).Result?.StarsByMovie;

    /// <summary>Every profile the store holds, by its key.</summary>
    public IReadOnlyList<string> Profiles() =>
        [.. Store.ReadAllAsync(CancellationToken.None).Result.Select(user => user.ChatId).Order(StringComparer.Ordinal)];

    /// <summary>The movie id the bot's latest rating question is about, read from its buttons.</summary>
    public int MovieAskedAbout(long chatId) =>
        ButtonPress.Read(Telegram.BotMessages(chatId).Last(m => m.Buttons.Count > 0).Buttons[0].Data) is RatePress { MovieId: var movieId }
            ? movieId
            : throw new InvalidOperationException("The latest question has no rating buttons.");

    public void Dispose() => _services.Dispose();

    private static RecommendationModel FourteenFilms()
    {
        var movies = new StringBuilder("movieId,title,genres\n");
        var links = new StringBuilder("movieId,imdbId,tmdbId\n");
        var ratings = new StringBuilder("userId,movieId,rating,timestamp\n");
        for (var film = 1; film <= 14; film++)
        {
            movies.Append(CultureInfo.InvariantCulture, $"{film},Film number {film} ({1980 + film}),Drama\n");
            links.Append(CultureInfo.InvariantCulture, $"{film},{film:D7},\n");
            for (var user = 1; user <= 5; user++)
            {
                ratings.Append(CultureInfo.InvariantCulture, $"{user},{film},{1 + ((film + user) % 5)}.0,0\n");
            }
        }

        var dataset = MovieLensReader.Read(new StringReader(movies.ToString()), new StringReader(links.ToString()), new StringReader(ratings.ToString()));
        return RecommendationModel.From(dataset, new RecommenderOptions());
    }
}
