using System.Text.Json;
using Microsoft.Playwright;
using MovieRec.Bot;
using MovieRec.Testing;

namespace MovieRec.MiniApp.Tests;

/// <summary>
/// Azurite, the standalone host with a bot token, and Debian's chromium driven by Playwright. The
/// page's telegram-web-app.js is answered by the test with a stand-in that provides
/// window.Telegram.WebApp with test-signed initData and theme parameters, as Telegram's does.
/// </summary>
public sealed class MiniAppBrowser : IAsyncLifetime
{
    public const string Token = "123456789:AAbbccddeeffgghhiijjkkllmmnnooppqq";
    public const string ChromiumPath = "/usr/bin/chromium";

    public static readonly IReadOnlyDictionary<string, string> Light = new Dictionary<string, string>
    {
        ["bg_color"] = "#ffffff", ["text_color"] = "#000000", ["hint_color"] = "#595959", ["link_color"] = "#1f5fbf",
        ["button_color"] = "#1f5fbf", ["button_text_color"] = "#ffffff", ["secondary_bg_color"] = "#efeff4",
    };

    public static readonly IReadOnlyDictionary<string, string> Dark = new Dictionary<string, string>
    {
        ["bg_color"] = "#17212b", ["text_color"] = "#f5f5f5", ["hint_color"] = "#aab4be", ["link_color"] = "#8cc4ff",
        ["button_color"] = "#2f6ea5", ["button_text_color"] = "#ffffff", ["secondary_bg_color"] = "#232e3c",
    };

    private IPlaywright _playwright = null!;

    public Azurite Azurite { get; private set; } = null!;

    public StandaloneHost Host { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string AppUrl => $"http://127.0.0.1:{Host.Port}/app";

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run scripts/install-tools.sh (it installs Debian's chromium).");
        }

        Azurite = await Azurite.StartAsync();
        Host = await StandaloneHost.StartAsync(new Dictionary<string, string>
        {
            ["RATINGS_STORAGE"] = Azurite.ConnectionString,
            ["TELEGRAM_BOT_TOKEN"] = Token,
            ["TELEGRAM_WEBHOOK_SECRET"] = "mini-app-browser-secret",
            ["TELEGRAM_API_BASE_URL"] = "http://127.0.0.1:9",
            ["MODEL_REFRESH_INTERVAL"] = "00:00:00",
        });
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>
    /// A phone-sized page signed in as <paramref name="user"/> (with Telegram's <paramref name="languageCode"/>, if any),
    /// its Telegram script answered by the stand-in (or refused, when <paramref name="telegramScript"/> is false).
    /// </summary>
    public async Task<IPage> OpenAsync(
        long user, IReadOnlyDictionary<string, string> theme, string? initData = null, bool telegramScript = true, string fragment = "", string? languageCode = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        var signed = initData ?? MiniAppInitData.Sign(Token, user, DateTimeOffset.UtcNow, languageCode: languageCode);
        await page.RouteAsync("https://telegram.org/**", route => telegramScript
            ? route.FulfillAsync(new RouteFulfillOptions { ContentType = "text/javascript", Body = TelegramStandIn(signed, theme) })
            : route.AbortAsync());
        await page.GotoAsync(AppUrl + fragment);
        return page;
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await Host.DisposeAsync();
        await Azurite.DisposeAsync();
    }

    /// <summary>What telegram-web-app.js gives a page: Telegram.WebApp, and the theme as --tg-theme-* variables on the root.</summary>
    private static string TelegramStandIn(string initData, IReadOnlyDictionary<string, string> theme) => $$"""
        (() => {
          const theme = {{JsonSerializer.Serialize(theme)}};
          for (const [name, value] of Object.entries(theme)) {
            document.documentElement.style.setProperty("--tg-theme-" + name.replace(/_/g, "-"), value);
          }
          window.__haptics = 0;
          window.Telegram = { WebApp: {
            initData: {{JsonSerializer.Serialize(initData)}},
            themeParams: theme,
            ready() { window.__ready = true; }, expand() {},
            BackButton: { isVisible: false, show() { this.isVisible = true; }, hide() { this.isVisible = false; }, onClick() {} },
            HapticFeedback: { impactOccurred() { window.__haptics++; } },
            onEvent() {},
          } };
        })();
        """;
}
