using System.Text.Json.Nodes;

namespace OrderActors.Silo.Tests.Support;

/// <summary>The connectors' platform payloads, one order per channel (the same real order, see the connector tests).</summary>
public static class Fixtures
{
    /// <summary>Per channel: the platform SKU ids of the nightstand and the pillow.</summary>
    public static readonly (string Channel, string Nightstand, string Pillow)[] PlatformSkus =
    [
        ("taobao", "5012345678901", "5012345678902"),
        ("jd", "100012345601", "100012345602"),
        ("pdd", "1234567001", "1234567002"),
        ("douyin", "1760000000001", "1760000000002"),
        ("meituan", "mt-ns-wal-40", "mt-pil-ltx-std"),
        ("miniapp", "MP-NS-WAL-40", "MP-PIL-LTX-STD"),
    ];

    public static string Read(string channel, string file = "order.json") => File.ReadAllText(Path.Combine("Fixtures", channel, file));

    /// <summary>The mini-program fixture with a fresh order number and client time, so clock skew and duplicates do not trip it.</summary>
    public static string MiniappOrder(string orderNo)
    {
        JsonNode order = JsonNode.Parse(Read("miniapp"))!;
        order["orderNo"] = orderNo;
        order["clientSubmittedAt"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        order["buyer"]!["openId"] = $"buyer-{orderNo}";
        return order.ToJsonString();
    }
}
