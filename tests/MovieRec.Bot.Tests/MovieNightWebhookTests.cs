using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MovieRec.Bot.Tests.Emulator;
using MovieRec.Storage;
using MovieRec.Testing;

namespace MovieRec.Bot.Tests;

/// <summary>
/// Movie night through the webhook of two instances of the standalone host (its own Program, in
/// process) over the same in-memory stores and the same Bot API emulator, on ml-latest-small: a
/// night started on one instance is continued on the other, and an update posted to both is acted
/// on once. With MOVIEREC_SCREENSHOTS=1 the group's transcript becomes docs/bot-movie-night.md.
/// </summary>
public sealed class MovieNightWebhookTests : IAsyncLifetime
{
    private const string Secret = "night_webhook-Secret42";
    private const long FilmClub = -1009876543210;
    private const long Ada = 3101;
    private const long Bob = 3102;
    private const long Cy = 3103;
    private const long Dan = 3104;

    private readonly InMemoryRatingStore _ratings = new();
    private readonly InMemoryUpdateLedger _ledger = new();
    private readonly InMemoryMovieNightStore _nights = new();
    private readonly InMemoryModelSnapshots _snapshots = new();
    private EmulatorServer _telegram = null!;
    private WebApplicationFactory<Program> _first = null!;
    private WebApplicationFactory<Program> _second = null!;
    private HttpClient _toFirst = null!;
    private HttpClient _toSecond = null!;

    /// <summary>Where the transcript goes when MOVIEREC_SCREENSHOTS=1 (scripts/screenshots.sh); nowhere otherwise, so a test run leaves the tracked file alone.</summary>
    private static string? TranscriptFile =>
        Environment.GetEnvironmentVariable("MOVIEREC_SCREENSHOTS") == "1" ? Path.Combine(Repository.Root, "docs", "bot-movie-night.md") : null;

    private BotApiEmulator Telegram => _telegram.Emulator;

    public async Task InitializeAsync()
    {
        _telegram = await EmulatorServer.StartAsync();
        _first = Instance();
        _second = Instance();
        _toFirst = _first.CreateClient();
        _toSecond = _second.CreateClient();
        foreach (var (person, name) in new[] { (Ada, "Ada"), (Bob, "Bob"), (Cy, "Cy"), (Dan, "Dan") })
        {
            Telegram.NameUser(person, name);
        }
    }

    public async Task DisposeAsync()
    {
        _toFirst.Dispose();
        _toSecond.Dispose();
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        await _telegram.DisposeAsync();
    }

    [Fact]
    public async Task Three_members_run_a_movie_night_across_two_instances_from_the_command_to_the_announced_winner()
    {
        // Ada likes space adventures, Bob crime, Cy family films; Dan has rated two films.
        await ProfileAsync(Ada, (260, 5), (1196, 5), (1210, 4), (2571, 5), (589, 4), (480, 4), (1270, 5), (4993, 4), (5952, 4), (32, 3));
        await ProfileAsync(Bob, (318, 5), (858, 5), (296, 5), (50, 4), (47, 4), (593, 4), (608, 4), (2959, 5), (58559, 4), (110, 2));
        await ProfileAsync(Cy, (1, 5), (4306, 5), (356, 5), (1270, 4), (1704, 4), (527, 3), (1198, 5), (3578, 4), (7153, 4), (2028, 3));
        await ProfileAsync(Dan, (1, 4), (2, 3));

        await DeliverAsync(_toFirst, Telegram.GroupMemberSends(FilmClub, Ada, "/movienight"));
        var night = Telegram.BotMessages(FilmClub)[^1];
        await DeliverAsync(_toFirst, Telegram.MemberPresses(FilmClub, Ada, night.MessageId, BotTexts.English.ImIn));
        await DeliverAsync(_toSecond, Telegram.MemberPresses(FilmClub, Bob, night.MessageId, BotTexts.English.ImIn));
        await DeliverAsync(_toFirst, Telegram.MemberPresses(FilmClub, Dan, night.MessageId, BotTexts.English.ImIn));
        await DeliverAsync(_toSecond, Telegram.MemberPresses(FilmClub, Cy, night.MessageId, BotTexts.English.ImIn));
        await DeliverAsync(_toFirst, Telegram.MemberPresses(FilmClub, Cy, night.MessageId, BotTexts.English.PickForUs));
        var poll = Telegram.BotMessages(FilmClub).Single(m => m.Poll is not null);
        await DeliverAsync(_toSecond, Telegram.MemberVotes(FilmClub, Ada, poll.MessageId, 1));
        await DeliverAsync(_toFirst, Telegram.MemberVotes(FilmClub, Bob, poll.MessageId, 1));
        await DeliverAsync(_toSecond, Telegram.MemberVotes(FilmClub, Cy, poll.MessageId, 0));
        await DeliverAsync(_toSecond, Telegram.MemberPresses(FilmClub, Bob, poll.MessageId, BotTexts.English.CloseTheVote));
        await DeliverAsync(_toSecond, Telegram.MemberPresses(FilmClub, Ada, poll.MessageId, BotTexts.English.CloseTheVote));

        var sent = Telegram.BotMessages(FilmClub);
        Assert.Equal(4, sent.Count);
        Assert.Equal(BotTexts.English.MovieNight("", ["Ada", "Bob", "Cy"], NightStage.Voting), sent[0].Text);
        var films = sent[1].Text!.Split("\n\n")[1..];
        Assert.Equal(5, films.Length);
        Assert.All(films, film => Assert.Matches(@"\nAda \d\.\d★ · Bob \d\.\d★ · Cy \d\.\d★\n", film));
        Assert.Equal(5, poll.Poll!.Options.Count);
        Assert.All(poll.Poll.Options.Select((title, at) => (title, at)), o => Assert.StartsWith($"{o.at + 1}. {o.title}\n", films[o.at], StringComparison.Ordinal));
        Assert.True(poll.Poll.IsClosed);
        Assert.StartsWith($"The vote is closed. Tonight's film, with 2 of 3 votes: {poll.Poll.Options[1]}\n", sent[3].Text, StringComparison.Ordinal);
        Assert.Equal(
            [BotTexts.English.YouAreIn, BotTexts.English.YouAreIn, BotTexts.English.RateFirst(2), BotTexts.English.YouAreIn, BotTexts.English.Picking, BotTexts.English.OnlyStarterCloses("Ada"), null],
            Telegram.CallbackAnswers.Select(a => a.Text));

        if (TranscriptFile is { } file)
        {
            await File.WriteAllTextAsync(file, Picture(Telegram.Transcript(FilmClub)));
        }
    }

    [Fact]
    public async Task A_press_posted_to_both_instances_is_acted_on_once()
    {
        await ProfileAsync(Ada, [.. Enumerable.Range(1, 10).Select(film => (film, 4))]);
        await DeliverAsync(_toFirst, Telegram.GroupMemberSends(FilmClub, Ada, "/movienight"));
        var night = Telegram.BotMessages(FilmClub)[^1];
        var join = Telegram.MemberPresses(FilmClub, Ada, night.MessageId, BotTexts.English.ImIn);

        Assert.Equal("handled", await DeliverAsync(_toFirst, join));
        Assert.Equal("duplicate", await DeliverAsync(_toSecond, join));

        Assert.Equal([Ada], (await _nights.GetAsync(FilmClub, night.MessageId, CancellationToken.None))!.Night.Members.Select(m => m.UserId));
        Assert.Single(Telegram.CallbackAnswers);
    }

    private WebApplicationFactory<Program> Instance() =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("MOVIELENS_DIR", Repository.MovieLensFolder);
            builder.UseSetting("MODEL_REFRESH_INTERVAL", "00:00:00");
            builder.UseSetting("TELEGRAM_BOT_TOKEN", BotApiEmulator.Token);
            builder.UseSetting("TELEGRAM_WEBHOOK_SECRET", Secret);
            builder.UseSetting("TELEGRAM_API_BASE_URL", _telegram.BaseUrl);
            // A host with the bot refuses to start without API_KEYS (docs/security.md); the stores below replace the in-memory ones.
            builder.UseSetting("API_KEYS", "movie-night-test-key-0123456789");
            builder.UseSetting("RATINGS_STORAGE", "memory");
            builder.ConfigureServices(services =>
            {
                services.AddSingleton<IRatingStore>(_ratings);
                services.AddSingleton<IUpdateLedger>(_ledger);
                services.AddSingleton<IMovieNightStore>(_nights);
                services.AddSingleton<IModelSnapshots>(_snapshots);
            });
        });

    private async Task ProfileAsync(long person, params (int Film, int Stars)[] ratings)
    {
        var id = person.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await _ratings.TryRegisterAsync(id, CancellationToken.None);
        foreach (var (film, stars) in ratings)
        {
            await _ratings.SaveRatingAsync(id, film, stars, CancellationToken.None);
        }
    }

    /// <summary>Posts an update as Telegram does; the webhook's answer, "handled" or "duplicate".</summary>
    private static async Task<string?> DeliverAsync(HttpClient instance, string update)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook") { Content = new StringContent(update, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", Secret);
        using var response = await instance.SendAsync(request);
        Assert.Equal(200, (int)response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString();
    }

    private static string Picture(string transcript) =>
        "# A movie night, as the group sees it\n\n"
        + "Written by `MovieNightWebhookTests` from the Bot API emulator's record of a run on ml-latest-small, through the webhooks of two app instances,\n"
        + "when `MOVIEREC_SCREENSHOTS=1` (`scripts/screenshots.sh`); an ordinary test run leaves this file alone. `#n` numbers the group's messages;\n"
        + "`(only Dan sees: …)` is the answer to a button press, shown to the presser alone.\n\n"
        + "```text\n" + transcript + "\n```\n";
}
