namespace OrderActors.Notifications.Tests.Support;

/// <summary>Sample notifications and channels, one place to change them.</summary>
public static class Samples
{
    public const string BuyerPhone = "13812345678";

    public static Notification Shipped(string? recipient = BuyerPhone) => new(
        EventKinds.OrderShipped,
        "订单 TB20240618001 已发货",
        new Dictionary<string, string>
        {
            ["orderId"] = "TB20240618001",
            ["carrier"] = "顺丰速运",
            ["trackingNo"] = "SF1234567890",
            ["trackingUrl"] = "https://t.example.cn/SF1234567890",
            ["eta"] = "6月20日",
        },
        recipient,
        "evt-000042");

    public static Notification BreakerTripped() => new(
        EventKinds.BreakerTripped,
        "仓库 WH-HZ-01 熔断",
        new Dictionary<string, string>
        {
            ["warehouseId"] = "WH-HZ-01",
            ["reason"] = "拣货超时率 35%",
            ["rerouted"] = "128",
            ["unroutable"] = "7",
        },
        null,
        "evt-000043");

    public static ChannelConfig Channel(ChannelKind kind, string url, string? secret = null, IReadOnlyDictionary<string, string>? settings = null) =>
        new($"{kind}-test".ToLowerInvariant(), kind, url, secret, ["*"], settings);
}
