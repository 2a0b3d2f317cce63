using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using MovieRec.Bot;
using MovieRec.Testing;

namespace MovieRec.MiniApp.Tests;

/// <summary>The Mini App in Debian's chromium at a phone's size, against the real host and Azurite.</summary>
public sealed class MiniAppTests(MiniAppBrowser app) : IClassFixture<MiniAppBrowser>
{
    private static readonly string[] Views = ["rate", "mine", "foryou", "forget"];

    /// <summary>
    /// Where the pictures of every view go: docs/miniapp when MOVIEREC_SCREENSHOTS=1 (scripts/screenshots.sh),
    /// else nowhere, so an ordinary test run leaves the tracked pictures alone.
    /// </summary>
    private static string? PicturesFolder =>
        Environment.GetEnvironmentVariable("MOVIEREC_SCREENSHOTS") == "1" ? Path.Combine(Repository.Root, "docs", "miniapp") : null;

    [Fact]
    public async Task A_new_person_searches_rates_to_ten_gets_ten_picks_with_reasons_filters_by_genre_removes_one_and_forgets_everything()
    {
        var page = await app.OpenAsync(5001, MiniAppBrowser.Light);
        await Expect(page.Locator("#count")).ToHaveTextAsync("0 of 10 ratings: 10 more unlock your recommendations.");

        await page.FillAsync("#search", "alien");
        var alien = page.Locator("#found li").Filter(new() { HasText = "Alien (1979)" });
        await alien.GetByRole(AriaRole.Button, new() { Name = "5 of 5 stars" }).ClickAsync();
        await Expect(page.Locator("#count")).ToHaveTextAsync("1 of 10 ratings: 9 more unlock your recommendations.");
        Assert.True(await page.EvaluateAsync<int>("window.__haptics") >= 1);

        for (var rated = 1; rated < 10; rated++)
        {
            await page.Locator("#offered li").First.GetByRole(AriaRole.Button, new() { Name = "4 of 5 stars" }).ClickAsync();
            await Expect(page.Locator("#count")).ToContainTextAsync(rated + 1 == 10 ? "You have rated 10 films" : $"{rated + 1} of 10 ratings");
        }

        await page.ClickAsync("nav >> text=For you");
        await Expect(page.Locator("#picks li")).ToHaveCountAsync(10);
        foreach (var reason in await page.Locator("#picks .reason").AllTextContentsAsync())
        {
            Assert.False(string.IsNullOrWhiteSpace(reason));
        }

        await page.SelectOptionAsync("#genre", "Comedy");
        await Expect(page.Locator("#picks li")).ToHaveCountAsync(10);
        await Expect(page.Locator("#picks .meta").First).ToContainTextAsync("Comedy");
        foreach (var meta in await page.Locator("#picks .meta").AllTextContentsAsync())
        {
            Assert.Contains("Comedy", meta, StringComparison.Ordinal);
        }

        await page.ClickAsync("nav >> text=My ratings");
        await Expect(page.Locator("#ratings li")).ToHaveCountAsync(10);
        await page.Locator("#ratings li").First.GetByRole(AriaRole.Button, new() { NameRegex = new("^Remove your rating") }).ClickAsync();
        await Expect(page.Locator("#ratings li")).ToHaveCountAsync(9);
        await Expect(page.Locator("#count")).ToHaveTextAsync("9 of 10 ratings: 1 more unlock your recommendations.");

        await page.ClickAsync("nav >> text=Forget me");
        await page.ClickAsync("#forget-start");
        await page.ClickAsync("#forget-yes");
        await Expect(page.Locator("#status")).ToHaveTextAsync("Everything MovieRec held about you is deleted.");
        var stored = await StoreFor.Azurite(AzuriteOf()).GetRatingsAsync("5001", CancellationToken.None);
        Assert.Null(stored);
    }

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task Every_view_follows_the_theme_and_has_no_serious_accessibility_violations(string theme)
    {
        var parameters = theme == "dark" ? MiniAppBrowser.Dark : MiniAppBrowser.Light;
        var page = await app.OpenAsync(5100 + theme.Length, parameters);
        await Expect(page.Locator("#offered li")).Not.ToHaveCountAsync(0);

        Assert.Equal(Rgb(parameters["bg_color"]), await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"));
        foreach (var view in Views)
        {
            await page.ClickAsync($"nav button[data-view={view}]");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var results = await page.RunAxe();
            var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ToList();
            Assert.True(serious.Count == 0, $"{view} ({theme}): {string.Join("; ", serious)}");
            if (PicturesFolder is { } folder)
            {
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{view}-{theme}.png") });
            }
        }
    }

    /// <summary>What the page must say for each language Telegram signs, written out here apart from the .resx files.</summary>
    private static readonly Dictionary<string, (string Lang, string[] Views, string Count, string CountAfterOne, string FiveStars, string Rated, string NotSeen, string AnyGenre, string DeleteEverything)> Spoken = new()
    {
        ["en"] = ("en", ["Rate", "My ratings", "For you", "Forget me"], "0 of 10 ratings: 10 more unlock your recommendations.",
            "1 of 10 ratings: 9 more unlock your recommendations.", "5 of 5 stars", "You gave ", "Haven't seen it", "Any genre", "Delete everything"),
        ["ru"] = ("ru", ["Оценить", "Мои оценки", "Для вас", "Забыть меня"], "Оценок: 0 из 10. Осталось 10 — и откроются рекомендации.",
            "Оценок: 1 из 10. Осталось 9 — и откроются рекомендации.", "5 из 5 звёзд", "Вы поставили «", "Не смотрел(а)", "Любой жанр", "Удалить всё"),
        ["zh-TW"] = ("zh-TW", ["評分", "我的評分", "為你推薦", "忘記我"], "已評分 0 / 10：再評 10 部即可解鎖推薦。",
            "已評分 1 / 10：再評 9 部即可解鎖推薦。", "5 顆星（滿分 5 顆）", "你給了《", "沒看過", "所有類型", "全部刪除"),
    };

    [Theory]
    [InlineData("en", 5501)]
    [InlineData("ru", 5502)]
    [InlineData("zh-TW", 5503)]
    public async Task Each_language_telegram_signs_gets_the_page_in_that_language_with_no_accessibility_violations(string languageCode, long user)
    {
        var spoken = Spoken[languageCode];
        var page = await app.OpenAsync(user, MiniAppBrowser.Light, languageCode: languageCode);

        await Expect(page.Locator("#count")).ToHaveTextAsync(spoken.Count);
        Assert.Equal(spoken.Lang, await page.EvaluateAsync<string>("document.documentElement.lang"));
        Assert.Equal(spoken.Views, await page.Locator("nav button").AllTextContentsAsync());
        await Expect(page.Locator("#offered li").First.GetByRole(AriaRole.Button, new() { Name = spoken.NotSeen })).ToBeVisibleAsync();
        await page.Locator("#offered li").First.GetByRole(AriaRole.Button, new() { Name = spoken.FiveStars }).ClickAsync();
        await Expect(page.Locator("#count")).ToHaveTextAsync(spoken.CountAfterOne);
        await Expect(page.Locator("#status")).ToContainTextAsync(spoken.Rated);
        await Violations(page, languageCode);
        if (PicturesFolder is { } folder)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"language-{spoken.Lang.ToLowerInvariant()}.png") });
        }

        await page.ClickAsync("nav button[data-view=foryou]");
        await Expect(page.Locator("#genre option").First).ToHaveTextAsync(spoken.AnyGenre);
        await page.ClickAsync("nav button[data-view=forget]");
        await Expect(page.Locator("#forget-start")).ToHaveTextAsync(spoken.DeleteEverything);
        await Violations(page, languageCode);
    }

    [Theory]
    [InlineData("expired")]
    [InlineData("forged")]
    [InlineData("missing")]
    public async Task Init_data_that_is_expired_forged_or_missing_gets_reopen_from_telegram(string kind)
    {
        var initData = kind switch
        {
            "expired" => MiniAppInitData.Sign(MiniAppBrowser.Token, 5200, DateTimeOffset.UtcNow.AddDays(-2)),
            "forged" => MiniAppInitData.Sign(MiniAppBrowser.Token, 5200, DateTimeOffset.UtcNow).Replace("5200", "5201", StringComparison.Ordinal),
            _ => "",
        };

        var page = await app.OpenAsync(5200, MiniAppBrowser.Light, initData);

        await Expect(page.Locator("#status")).ToContainTextAsync("Open MovieRec from Telegram again");
        await Expect(page.Locator("nav")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Without_telegrams_script_the_page_signs_in_from_the_url_fragment_unthemed()
    {
        var signed = MiniAppInitData.Sign(MiniAppBrowser.Token, 5300, DateTimeOffset.UtcNow);

        var page = await app.OpenAsync(5300, MiniAppBrowser.Dark, telegramScript: false, fragment: "#tgWebAppData=" + Uri.EscapeDataString(signed));

        await Expect(page.Locator("#count")).ToHaveTextAsync("0 of 10 ratings: 10 more unlock your recommendations.");
        Assert.Equal("rgb(255, 255, 255)", await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"));
    }

    [Fact]
    public async Task Person_b_signed_in_never_sees_or_changes_person_as_ratings()
    {
        var a = await app.OpenAsync(5401, MiniAppBrowser.Light);
        await a.FillAsync("#search", "toy story 1995");
        await a.Locator("#found li").First.GetByRole(AriaRole.Button, new() { Name = "3 of 5 stars" }).ClickAsync();
        await Expect(a.Locator("#count")).ToContainTextAsync("1 of 10");

        var b = await app.OpenAsync(5402, MiniAppBrowser.Light);
        await b.ClickAsync("nav >> text=My ratings");

        await Expect(b.Locator("#status")).ToHaveTextAsync("You have not rated any film yet.");
        await b.ClickAsync("nav >> text=Forget me");
        await b.ClickAsync("#forget-start");
        await b.ClickAsync("#forget-yes");
        await Expect(b.Locator("#status")).ToContainTextAsync("deleted");
        Assert.Single((await StoreFor.Azurite(AzuriteOf()).GetRatingsAsync("5401", CancellationToken.None))!.StarsByMovie);
    }

    /// <summary>Axe's findings of any impact, none expected.</summary>
    private static async Task Violations(IPage page, string what)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var found = (await page.RunAxe()).Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help}").ToList();
        Assert.True(found.Count == 0, $"{what}: {string.Join("; ", found)}");
    }

    private Azurite AzuriteOf() => app.Azurite;

    private static string Rgb(string hex) =>
        $"rgb({Convert.ToInt32(hex[1..3], 16)}, {Convert.ToInt32(hex[3..5], 16)}, {Convert.ToInt32(hex[5..7], 16)})";

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
