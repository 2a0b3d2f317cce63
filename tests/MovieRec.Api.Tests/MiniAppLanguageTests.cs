namespace MovieRec.Api.Tests;

/// <summary>Which language the Mini App speaks for the language_code Telegram signs into initData's user.</summary>
public sealed class MiniAppLanguageTests
{
    [Theory]
    [InlineData("ru", "ru")]
    [InlineData("RU", "ru")]
    [InlineData("ru-RU", "ru")]
    [InlineData("ru-UA", "ru")]
    [InlineData("zh-hant", "zh-Hant")]
    [InlineData("zh-Hant", "zh-Hant")]
    [InlineData("zh-hk", "zh-Hant")]
    [InlineData("zh-HK", "zh-Hant")]
    [InlineData("zh-tw", "zh-Hant")]
    [InlineData("ZH-TW", "zh-Hant")]
    [InlineData("zh-Hant-TW", "zh-Hant")]
    [InlineData("zh-hant-hk", "zh-Hant")]
    [InlineData("en", "en")]
    [InlineData("en-GB", "en")]
    [InlineData("zh", "en")]
    [InlineData("zh-hans", "en")]
    [InlineData("zh-CN", "en")]
    [InlineData("zh-Hans-TW", "en")]
    [InlineData("zh-hantx", "en")]
    [InlineData("uk", "en")]
    [InlineData("de", "en")]
    [InlineData("", "en")]
    [InlineData(null, "en")]
    public void Russian_for_ru_traditional_chinese_for_zh_hant_hk_tw_english_for_anything_else(string? languageCode, string language)
    {
        Assert.Equal(language, MiniAppLanguage.Of(languageCode));
    }
}
