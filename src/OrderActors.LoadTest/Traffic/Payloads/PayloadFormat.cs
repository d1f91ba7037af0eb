using System.Globalization;
using OrderActors.LoadTest.Traffic;

namespace OrderActors.LoadTest.Traffic.Payloads;

/// <summary>The number, time and text conventions the platforms' payloads share.</summary>
public static class PayloadFormat
{
    private static readonly TimeSpan _chinaOffset = TimeSpan.FromHours(8);
    private static readonly string?[] _buyerNotes = [null, "工作日白天送货", null, "请放快递柜", "送货前电话联系"];

    public const string ShopName = "木森家居旗舰店";

    /// <summary>Yuan as the string Taobao and JD send: 15000 fen → "150.00".</summary>
    public static string YuanText(long fen) =>
        string.Create(CultureInfo.InvariantCulture, $"{(fen < 0 ? "-" : "")}{Math.Abs(fen) / 100}.{Math.Abs(fen) % 100:D2}");

    /// <summary>Yuan as the JSON number PDD and Meituan send: 15000 fen → 150.00.</summary>
    public static decimal YuanNumber(long fen) => fen / 100m + 0.00m;

    /// <summary>China time to the second, "yyyy-MM-dd HH:mm:ss" (UTC+8), as Taobao, JD and PDD write it.</summary>
    public static string ChinaTime(DateTimeOffset at) =>
        at.ToOffset(_chinaOffset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static long UnixSeconds(DateTimeOffset at) => at.ToUnixTimeSeconds();

    public static long UnixMillis(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    /// <summary>The buyer's note of an order, if it has one (one order in two does).</summary>
    public static string? BuyerNote(OrderPlan plan) => _buyerNotes[plan.Sequence % _buyerNotes.Length];

    /// <summary>A platform line id derived from the order's sequence: unique per run and per line.</summary>
    public static long LineId(string prefix, OrderPlan plan, int line) =>
        long.Parse(string.Create(CultureInfo.InvariantCulture, $"{prefix}{plan.RunTag:D4}{plan.Sequence:D12}{line}"), CultureInfo.InvariantCulture);
}
