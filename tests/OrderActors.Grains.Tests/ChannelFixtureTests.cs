using System.Text.Json;
using OrderActors.Abstractions.Orders;
using OrderActors.Connectors;
using OrderActors.Grains.Tests.Support;

namespace OrderActors.Grains.Tests;

/// <summary>Each platform's own order payload, read by its connector, goes through intake to an allocated order.</summary>
public sealed class ChannelFixtureTests
{
    private static readonly (Channel Channel, string[] PlatformSkus)[] Channels =
    [
        (Channel.Taobao, ["5012345678901", "5012345678902"]),
        (Channel.Jd, ["100012345601", "100012345602"]),
        (Channel.Pdd, ["1234567001", "1234567002"]),
        (Channel.Douyin, ["1760000000001", "1760000000002"]),
        (Channel.Meituan, ["mt-ns-wal-40", "mt-pil-ltx-std"]),
        (Channel.Miniapp, ["MP-NS-WAL-40", "MP-PIL-LTX-STD"]),
    ];

    [Fact]
    public async Task EveryChannelsFixtureIsAcceptedWithoutHoldsAndAllocated()
    {
        await using HubCluster hub = await HubCluster.StartAsync();
        await hub.Setup.WarehouseAsync("WH-HZ-COLD", HubSetup.Hangzhou, coldChain: true);
        await hub.Setup.WarehouseAsync("WH-SH", HubSetup.Shanghai);
        foreach ((string sku, long listPrice) in new[] { ("MJ-NS-WAL-40", 15000L), ("MJ-PIL-LTX-STD", 7500L) })
        {
            await hub.Setup.SkuAsync(sku, listPriceFen: listPrice);
            await hub.Setup.StockAsync("WH-HZ-COLD", sku, 50);
            await hub.Setup.StockAsync("WH-SH", sku, 50);
        }
        foreach ((Channel channel, string[] skus) in Channels)
        {
            await hub.Setup.MapAsync(channel, skus[0], "MJ-NS-WAL-40");
            await hub.Setup.MapAsync(channel, skus[1], "MJ-PIL-LTX-STD");
        }
        var registry = ConnectorRegistry.CreateDefault();
        var orderIds = new List<string>();

        foreach ((Channel channel, _) in Channels)
        {
            using JsonDocument payload = JsonDocument.Parse(await File.ReadAllTextAsync($"Fixtures/{channel.ToRouteName()}/order.json"));
            NormalizedOrder order = registry.Get(channel).ParseOrder(payload.RootElement).Value;
            string orderId = Abstractions.Common.Keys.OrderId(channel, order.ExternalOrderId);
            IntakeResult result = await hub.Order(orderId).SubmitAsync(order, order.ClientSubmittedAt ?? order.CreatedAt.AddSeconds(1));
            Assert.True(result.Holds.Count == 0, $"{channel}: {string.Join("; ", result.Holds.Select(h => h.Code + " " + h.Message))}");
            orderIds.Add(orderId);
        }
        IReadOnlyList<OrderRecord> settled = await hub.SettleAsync(orderIds);

        Assert.All(settled, o => Assert.Equal(OrderStatus.Allocated, o.Status));
        Assert.All(settled, o => Assert.Equal(26000, o.AmountPaid.Fen));
        Assert.All(settled.Where(o => o.Channel == Channel.Meituan).SelectMany(o => o.Allocations), a => Assert.Equal("WH-HZ-COLD", a.WarehouseId));
        Assert.True((await hub.AuditAsync(orderIds)).Ok);
    }
}
