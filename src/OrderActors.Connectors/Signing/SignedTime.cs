using System.Globalization;

namespace OrderActors.Connectors.Signing;

/// <summary>The times platforms sign: China time text, Unix seconds, Unix milliseconds.</summary>
public static class SignedTime
{
    private const string ChinaFormat = "yyyy-MM-dd HH:mm:ss";
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>"yyyy-MM-dd HH:mm:ss" in China time (UTC+8), as Taobao, JD and Douyin write times.</summary>
    public static string China(DateTimeOffset at) => at.ToOffset(ChinaOffset).ToString(ChinaFormat, CultureInfo.InvariantCulture);

    /// <summary>Reads <see cref="China"/>'s text back, exactly that form.</summary>
    public static DateTimeOffset? FromChina(string text) =>
        DateTime.TryParseExact(text, ChinaFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime local)
            ? new DateTimeOffset(local, ChinaOffset)
            : null;

    public static string UnixSeconds(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public static string UnixMillis(DateTimeOffset at) => at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>Digits only, no sign or spaces, up to the year 9999.</summary>
    public static DateTimeOffset? FromUnixSeconds(string text) =>
        Digits(text) is { } seconds && seconds <= 253_402_300_799 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    /// <summary>Digits only, likewise.</summary>
    public static DateTimeOffset? FromUnixMillis(string text) =>
        Digits(text) is { } millis && millis <= 253_402_300_799_999 ? DateTimeOffset.FromUnixTimeMilliseconds(millis) : null;

    private static long? Digits(string text) =>
        text.Length is > 0 and <= 15 && text.All(char.IsAsciiDigit) ? long.Parse(text, CultureInfo.InvariantCulture) : null;
}
