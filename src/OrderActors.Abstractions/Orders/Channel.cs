using Orleans;

namespace OrderActors.Abstractions.Orders;

/// <summary>A sales channel whose orders flow into the hub.</summary>
[GenerateSerializer, Alias("oa.Channel")]
public enum Channel
{
    /// <summary>淘宝 / 天猫.</summary>
    Taobao,
    /// <summary>京东.</summary>
    Jd,
    /// <summary>拼多多.</summary>
    Pdd,
    /// <summary>抖音小店.</summary>
    Douyin,
    /// <summary>美团 (闪购 / 外卖): express tier.</summary>
    Meituan,
    /// <summary>The merchant's own WeChat mini-program (小程序).</summary>
    Miniapp,
}

/// <summary>The channel names used in routes (<c>taobao, jd, pdd, douyin, meituan, miniapp</c>).</summary>
public static class ChannelNames
{
    public static IReadOnlyList<string> All { get; } = ["taobao", "jd", "pdd", "douyin", "meituan", "miniapp"];

    /// <summary>The route name of a channel: <c>Channel.Pdd</c> → <c>pdd</c>.</summary>
    public static string ToRouteName(this Channel channel) => channel.ToString().ToLowerInvariant();

    /// <summary>Parses a route name, case-insensitively; false for anything else.</summary>
    public static bool TryParse(string? name, out Channel channel)
    {
        channel = default;
        return name is not null
            && All.Contains(name.ToLowerInvariant())
            && Enum.TryParse(name, ignoreCase: true, out channel);
    }
}
