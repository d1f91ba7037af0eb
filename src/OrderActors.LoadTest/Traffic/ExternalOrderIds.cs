using System.Globalization;
using OrderActors.Abstractions.Orders;

namespace OrderActors.LoadTest.Traffic;

/// <summary>
/// External order ids in each platform's own style, unique per run: a four-digit run tag and the run's order
/// sequence number are embedded, so two runs against one tenant never collide by accident.
/// </summary>
public static class ExternalOrderIds
{
    public static string For(Channel channel, int runTag, long sequence, DateTimeOffset createdAt)
    {
        if (runTag is < 0 or > 9999 || sequence is < 0 or > 9_999_999)
        {
            throw new ArgumentOutOfRangeException(nameof(sequence), "run tag 0–9999 and sequence 0–9,999,999");
        }
        string tag = runTag.ToString("D4", CultureInfo.InvariantCulture);
        return channel switch
        {
            Channel.Taobao => string.Create(CultureInfo.InvariantCulture, $"40{tag}{sequence:D13}"),
            Channel.Jd => string.Create(CultureInfo.InvariantCulture, $"2{tag}{sequence:D7}"),
            Channel.Pdd => string.Create(CultureInfo.InvariantCulture, $"{createdAt.ToOffset(TimeSpan.FromHours(8)):yyMMdd}-{tag}{sequence:D11}"),
            Channel.Douyin => string.Create(CultureInfo.InvariantCulture, $"69{tag}{sequence:D13}"),
            Channel.Meituan => string.Create(CultureInfo.InvariantCulture, $"27{tag}{sequence:D11}"),
            Channel.Miniapp => string.Create(CultureInfo.InvariantCulture, $"MP{createdAt.ToOffset(TimeSpan.FromHours(8)):yyyyMMdd}{tag}{sequence:D8}"),
            _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "unknown channel"),
        };
    }
}
