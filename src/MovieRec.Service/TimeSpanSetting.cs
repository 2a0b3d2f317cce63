using System.Globalization;

namespace MovieRec.Service;

/// <summary>
/// A time span setting as written (a .NET TimeSpan such as 00:05:00 or 1.00:00:00), parsed once,
/// when its options are built, so a malformed one stops the app at start.
/// </summary>
public static class TimeSpanSetting
{
    /// <summary><paramref name="fallback"/> for an empty setting; false when the setting is not a time span.</summary>
    public static bool TryRead(string? written, TimeSpan fallback, out TimeSpan value)
    {
        if (string.IsNullOrWhiteSpace(written))
        {
            value = fallback;
            return true;
        }

        return TimeSpan.TryParse(written, CultureInfo.InvariantCulture, out value);
    }
}
