using MovieRec.Bot.Tests.Emulator;
using MovieRec.Testing;

namespace MovieRec.Bot.Tests;

/// <summary><c>movierec bot set-webhook</c> and <c>movierec bot poll</c>, run as processes against the Bot API emulator.</summary>
public sealed class BotCommandLineTests : IAsyncLifetime
{
    private EmulatorServer _telegram = null!;

    public async Task InitializeAsync() => _telegram = await EmulatorServer.StartAsync();

    public async Task DisposeAsync() => await _telegram.DisposeAsync();

    private Dictionary<string, string> Environment => new()
    {
        ["TELEGRAM_BOT_TOKEN"] = BotApiEmulator.Token,
        ["TELEGRAM_API_BASE_URL"] = _telegram.BaseUrl,
    };

    [Fact]
    public async Task Set_webhook_registers_the_url_the_secret_the_update_types_and_the_command_list()
    {
        var (exitCode, output) = await CliProcess.RunAsync(
            Environment, "bot", "set-webhook", "--url", "https://movierec-app.azurewebsites.net/telegram/webhook", "--secret", "deploy_Secret-1");

        Assert.Equal(0, exitCode);
        Assert.Equal(
            new WebhookRegistrationState("https://movierec-app.azurewebsites.net/telegram/webhook", "deploy_Secret-1", ["message", "callback_query", "inline_query"]),
            _telegram.Emulator.Webhook! with { AllowedUpdates = _telegram.Emulator.Webhook!.AllowedUpdates.ToList() },
            new WebhookComparer());
        Assert.Equal(["rate", "recommend", "ratings", "app", "movienight", "start", "forget", "help"], _telegram.Emulator.Commands.Select(c => c.Command));
        Assert.Null(_telegram.Emulator.MenuButton);
        Assert.DoesNotContain(BotApiEmulatorToken.Secret, output, StringComparison.Ordinal);
        Assert.DoesNotContain("deploy_Secret-1", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_webhook_registers_an_English_default_command_list_a_Russian_one_and_a_Traditional_Chinese_one_for_zh()
    {
        var (exitCode, _) = await CliProcess.RunAsync(Environment, "bot", "set-webhook", "--url", "https://movierec-app.azurewebsites.net/telegram/webhook", "--secret", "s1");

        Assert.Equal(0, exitCode);
        var lists = _telegram.Emulator.CommandsByLanguage;
        Assert.Equal(["", "ru", "zh"], lists.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("rate", "rate a movie from 1 to 5"), lists[""][0]);
        Assert.Equal(("rate", "оценить фильм от 1 до 5"), lists["ru"][0]);
        Assert.Equal(("forget", "удалить всё, что MovieRec хранит о вас"), lists["ru"][6]);
        Assert.Equal(("rate", "為一部電影評 1 到 5 分"), lists["zh"][0]);
        Assert.Equal(lists[""].Select(c => c.Command), lists["ru"].Select(c => c.Command));
        Assert.Equal(lists[""].Select(c => c.Command), lists["zh"].Select(c => c.Command));
    }

    [Fact]
    public async Task Set_webhook_with_a_mini_app_url_makes_the_menu_button_open_it()
    {
        var environment = new Dictionary<string, string>(Environment) { ["MINIAPP_URL"] = "https://movierec-app.azurewebsites.net/app" };

        var (exitCode, _) = await CliProcess.RunAsync(environment, "bot", "set-webhook", "--url", "https://movierec-app.azurewebsites.net/telegram/webhook", "--secret", "s1");

        Assert.Equal(0, exitCode);
        Assert.Equal("web_app", (string?)_telegram.Emulator.MenuButton!["type"]);
        Assert.Equal("https://movierec-app.azurewebsites.net/app", (string?)_telegram.Emulator.MenuButton!["web_app"]!["url"]);
    }

    [Fact]
    public async Task Miniapp_link_prints_a_local_url_whose_fragment_signs_in_the_user()
    {
        var (exitCode, output) = await CliProcess.RunAsync(Environment, "miniapp-link", "--user", "42");

        Assert.Equal(0, exitCode);
        var url = new Uri(output.Trim().Split('\n')[^1]);
        Assert.Equal("http://127.0.0.1:7071/app", url.GetLeftPart(UriPartial.Path));
        var initData = Uri.UnescapeDataString(url.Fragment["#tgWebAppData=".Length..]);
        var signIn = new MiniAppSignIn(
            Microsoft.Extensions.Options.Options.Create(new BotOptions { Token = BotApiEmulator.Token }),
            Microsoft.Extensions.Options.Options.Create(new MiniAppOptions()),
            TimeProvider.System);
        Assert.True(signIn.TryValidate(initData, out var user));
        Assert.Equal(42, user);
    }

    [Theory]
    [InlineData("--secret", "has spaces in it")]
    [InlineData("--url", "http://insecure.example/telegram/webhook")]
    public async Task Set_webhook_refuses_what_telegram_would_refuse_before_calling_it(string option, string value)
    {
        string[] arguments = option == "--url"
            ? ["bot", "set-webhook", "--url", value]
            : ["bot", "set-webhook", "--url", "https://ok.example/telegram/webhook", option, value];

        var (exitCode, output) = await CliProcess.RunAsync(Environment, arguments);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("movierec: ", output, StringComparison.Ordinal);
        Assert.Null(_telegram.Emulator.Webhook);
        Assert.Empty(_telegram.Emulator.Calls);
    }

    [Fact]
    public async Task Set_webhook_without_a_token_says_how_to_get_one()
    {
        var (exitCode, output) = await CliProcess.RunAsync(
            new Dictionary<string, string> { ["TELEGRAM_API_BASE_URL"] = _telegram.BaseUrl },
            "bot", "set-webhook", "--url", "https://ok.example/telegram/webhook");

        Assert.Equal(1, exitCode);
        Assert.Contains("TELEGRAM_BOT_TOKEN is not set", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Poll_removes_the_webhook_registers_the_command_lists_then_answers_start_rate_and_a_button_press()
    {
        await using var azurite = await Azurite.StartAsync();
        await _telegram.Emulator.HandleAsync(
            BotApiEmulator.Token, "setWebhook", BotApiParameters.Parse("application/json", """{"url":"https://old.example/hook"}""", null), CancellationToken.None);
        var environment = Environment;
        environment["RATINGS_STORAGE"] = azurite.ConnectionString;
        await using var poll = CliProcess.Start(environment, "bot", "poll");
        const long chat = 31337;
        var emulator = _telegram.Emulator;

        emulator.Enqueue(emulator.UserSends(chat, "/start"));
        await Eventually.TrueAsync(() => emulator.BotMessages(chat).Count >= 2);
        emulator.Enqueue(emulator.UserSends(chat, "/rate"));
        await Eventually.TrueAsync(() => emulator.BotMessages(chat).Count >= 4);
        var question = emulator.BotMessages(chat)[^1];
        var movieId = WebhookEndToEndTests.MovieIdOf(question.Buttons[0].Data!);
        emulator.Enqueue(emulator.UserPresses(chat, question.MessageId, "5"));
        await Eventually.TrueAsync(() => emulator.BotMessages(chat).Any(m => m.Text == BotTexts.English.RatingReceived));

        Assert.Null(emulator.Webhook);
        Assert.Equal(["", "ru", "zh"], emulator.CommandsByLanguage.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Welcome!", emulator.BotMessages(chat)[0].Text);
        var stored = await StoreFor.Azurite(azurite).GetRatingsAsync("31337", CancellationToken.None);
        Assert.Equal(5, stored!.StarsByMovie[movieId]);
        Assert.Contains("Polling for updates to @MovieRecTestBot", poll.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(BotApiEmulatorToken.Secret, poll.Output, StringComparison.Ordinal);
    }

    private sealed class WebhookComparer : IEqualityComparer<WebhookRegistrationState>
    {
        public bool Equals(WebhookRegistrationState? x, WebhookRegistrationState? y) =>
            x is not null && y is not null && x.Url == y.Url && x.Secret == y.Secret && x.AllowedUpdates.SequenceEqual(y.AllowedUpdates);

        public int GetHashCode(WebhookRegistrationState obj) => obj.Url.GetHashCode(StringComparison.Ordinal);
    }
}
