using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Errors;
using OrderActors.Abstractions.Orders;
using OrderActors.Abstractions.Stock;
using OrderActors.Grains.Tests.Support;

namespace OrderActors.Grains.Tests;

public sealed class StockReservationTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    public async Task AThousandParallelOrdersForFiftyUnitsAcrossTwoWarehousesAcceptExactlyFifty(int buckets)
    {
        await using HubCluster hub = await HubCluster.StartAsync();
        await hub.Setup.WarehouseAsync("WH-HZ", HubSetup.Hangzhou);
        await hub.Setup.WarehouseAsync("WH-SH", HubSetup.Shanghai);
        await hub.Setup.SkuAsync("HOT", buckets);
        await hub.Setup.StockAsync("WH-HZ", "HOT", 30);
        await hub.Setup.StockAsync("WH-SH", "HOT", 20);
        await hub.Setup.MapAsync(Channel.Taobao, "tb-hot", "HOT");
        List<OrderBuilder> orders = Enumerable.Range(0, 1000).Select(i => new OrderBuilder($"rush-{i}").Buyer($"b{i}").Line("tb-hot")).ToList();

        await Task.WhenAll(orders.Select(o => Task.Run(() => hub.Order(o.OrderId).SubmitAsync(o.Build(), hub.Clock.GetUtcNow()))));
        IReadOnlyList<OrderRecord> settled = await hub.SettleAsync(orders.Select(o => o.OrderId));

        Assert.Equal(50, settled.Count(o => o.Status == OrderStatus.Allocated));
        Assert.Equal(950, settled.Count(o => o.Status == OrderStatus.OnHold && o.Holds.Any(h => h.Code == HoldCodes.OutOfStock)));
        Assert.Equal(30, (await hub.Setup.LevelAsync("WH-HZ", "HOT")).Reserved);
        Assert.Equal(20, (await hub.Setup.LevelAsync("WH-SH", "HOT")).Reserved);
        AuditReport audit = await hub.AuditAsync(orders.Select(o => o.OrderId));
        Assert.True(audit.Ok, string.Join("; ", audit.Violations.Take(5)));
        Assert.Equal((0, 0), (audit.Oversold, audit.NegativeStock));
    }

    [Fact]
    public async Task ALineItsBucketCannotCoverBorrowsFromTheSiblingBuckets()
    {
        await using HubCluster hub = await HubCluster.StartAsync();
        await hub.Setup.WarehouseAsync("WH-HZ", HubSetup.Hangzhou);
        await hub.Setup.SkuAsync("HOT", buckets: 4);
        await hub.Setup.StockAsync("WH-HZ", "HOT", 4);
        await hub.Setup.MapAsync(Channel.Taobao, "tb-hot", "HOT");
        OrderBuilder order = new OrderBuilder("wide").Line("tb-hot", 3);

        await hub.Order(order.OrderId).SubmitAsync(order.Build(), hub.Clock.GetUtcNow());
        OrderRecord settled = (await hub.SettleAsync([order.OrderId]))[0];

        Assert.Equal(OrderStatus.Allocated, settled.Status);
        Assert.Equal(3, settled.Allocations.Count());
        Assert.Equal(3, settled.Allocations.Select(a => a.Bucket).Distinct().Count());
        Assert.True((await hub.AuditAsync([order.OrderId])).Ok);
    }

    [Fact]
    public async Task AStockCountBelowWhatIsReservedIsRefusedAndAHigherOneIsSpreadOverTheBuckets()
    {
        await using HubCluster hub = await HubCluster.StartAsync();
        await hub.Setup.WarehouseAsync("WH-HZ", HubSetup.Hangzhou);
        await hub.Setup.SkuAsync("HOT", buckets: 3);
        await hub.Setup.StockAsync("WH-HZ", "HOT", 9, safetyStock: 3);
        await hub.Setup.MapAsync(Channel.Taobao, "tb-hot", "HOT");
        OrderBuilder order = new OrderBuilder("count").Line("tb-hot", 5);
        await hub.Order(order.OrderId).SubmitAsync(order.Build(), hub.Clock.GetUtcNow());
        Assert.Equal(OrderStatus.Allocated, (await hub.SettleAsync([order.OrderId]))[0].Status);

        await Assert.ThrowsAsync<ConflictException>(() => hub.Setup.StockAsync("WH-HZ", "HOT", 4));
        StockLevel recounted = await hub.Setup.StockAsync("WH-HZ", "HOT", 20, safetyStock: 2);

        Assert.Equal((20, 5, 2, 13), (recounted.OnHand, recounted.Reserved, recounted.SafetyStock, recounted.Available));
        IReadOnlyList<BucketSnapshot> buckets = await hub.Grains.GetGrain<ISkuStockGrain>(Keys.Stock(HubCluster.Tenant, "HOT", "WH-HZ")).GetBucketsAsync();
        Assert.All(buckets, b => Assert.InRange(b.OnHand - b.Reserved, 5, 5));
        Assert.True((await hub.AuditAsync([order.OrderId])).Ok);
    }

    [Fact]
    public async Task ABucketReservationIsIdempotentAndNeverExceedsWhatIsAvailable()
    {
        await using HubCluster hub = await HubCluster.StartAsync();
        await hub.Setup.WarehouseAsync("WH-HZ", HubSetup.Hangzhou);
        await hub.Setup.SkuAsync("CUP");
        await hub.Setup.StockAsync("WH-HZ", "CUP", 5, safetyStock: 1);
        IStockBucketGrain bucket = hub.Grains.GetGrain<IStockBucketGrain>(Keys.Bucket(HubCluster.Tenant, "CUP", "WH-HZ", 0));

        ReserveOutcome first = await bucket.ReserveAsync("r1", "o1", 3, allowPartial: false);
        ReserveOutcome repeat = await bucket.ReserveAsync("r1", "o1", 3, allowPartial: false);
        ReserveOutcome tooMuch = await bucket.ReserveAsync("r2", "o2", 2, allowPartial: false);
        ReserveOutcome partial = await bucket.ReserveAsync("r3", "o3", 2, allowPartial: true);

        Assert.Equal((3, null), (first.Granted, first.Refusal));
        Assert.Equal(3, repeat.Granted);
        Assert.Equal((0, ReserveRefusal.Insufficient), (tooMuch.Granted, tooMuch.Refusal));
        Assert.Equal((1, ReserveRefusal.Insufficient), (partial.Granted, partial.Refusal));
        BucketSnapshot snapshot = await bucket.GetSnapshotAsync();
        Assert.Equal((5, 4, 0), (snapshot.OnHand, snapshot.Reserved, snapshot.Available));
    }

    [Fact]
    public async Task TheAuditReportsAReservationNoOrderHolds()
    {
        await using HubCluster hub = await HubCluster.StartAsync();
        await hub.Setup.WarehouseAsync("WH-HZ", HubSetup.Hangzhou);
        await hub.Setup.SkuAsync("CUP");
        await hub.Setup.StockAsync("WH-HZ", "CUP", 5);
        await hub.Grains.GetGrain<IStockBucketGrain>(Keys.Bucket(HubCluster.Tenant, "CUP", "WH-HZ", 0)).ReserveAsync("stray", "taobao-ghost", 2, false);

        AuditReport audit = await hub.AuditAsync();

        Assert.False(audit.Ok);
        AuditViolation violation = Assert.Single(audit.Violations);
        Assert.Equal("orphan_reservation", violation.Kind);
        Assert.Contains("taobao-ghost", violation.Detail);
    }
}
