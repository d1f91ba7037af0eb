using OrderActors.Abstractions.Orders;
using OrderActors.Abstractions.Stock;
using OrderActors.Abstractions.Warehouses;
using OrderActors.Grains.Tests.Support;

namespace OrderActors.Grains.Tests;

public sealed class BreakerTests
{
    [Fact]
    public async Task ATripWithTwoThousandAllocatedOrdersReroutesEveryRoutableOneAndTheAuditHolds()
    {
        await using HubCluster hub = await HubCluster.StartAsync();
        await StockThreeWarehousesAsync(hub, a: 4000, b: 1200, c: 500);
        List<string> orders = await PlaceOrdersAsync(hub, 2000);
        Assert.All(await hub.SettleAsync(orders), o => Assert.Equal("WH-A", Assert.Single(o.Allocations).WarehouseId));

        TripResult trip = await hub.Setup.Warehouse("WH-A").TripAsync("storm: road closed", BreakerSource.Operator);
        RerouteProgress progress = await WaitForReroutesAsync(hub, "WH-A", trip.Epoch);

        Assert.Equal((2000, 1700, 300, 0), (progress.Affected, progress.Rerouted, progress.Unroutable, progress.Pending));
        IReadOnlyList<OrderRecord> after = await hub.SettleAsync(orders);
        Assert.DoesNotContain(after, o => o.Allocations.Any(a => a.WarehouseId == "WH-A") && o.Status == OrderStatus.Allocated);
        Assert.Equal(1700, after.Count(o => o.Status == OrderStatus.Allocated && o.Reroutes == 1));
        Assert.Equal(300, after.Count(o => o.Holds.Any(h => h.Code == HoldCodes.Unroutable)));
        OrderRecord moved = after.First(o => o.Status == OrderStatus.Allocated);
        Assert.Contains(moved.Timeline, t => t.Note?.StartsWith("rerouted from WH-A to", StringComparison.Ordinal) == true);
        Assert.Equal(0, (await hub.Setup.LevelAsync("WH-A", "TEA")).Reserved);
        AuditReport audit = await hub.AuditAsync(orders);
        Assert.True(audit.Ok, string.Join("; ", audit.Violations.Take(5)));
    }

    [Fact]
    public async Task NewOrdersAvoidAnOpenWarehouseAndReturnAfterTheOperatorResetsIt()
    {
        await using HubCluster hub = await HubCluster.StartAsync();
        await StockThreeWarehousesAsync(hub, a: 1000, b: 100, c: 100);
        await hub.Setup.Warehouse("WH-A").TripAsync("maintenance", BreakerSource.Operator);

        List<string> during = await PlaceOrdersAsync(hub, 5, prefix: "during");
        Assert.All(await hub.SettleAsync(during), o => Assert.NotEqual("WH-A", Assert.Single(o.Allocations).WarehouseId));
        await hub.Setup.Warehouse("WH-A").ResetAsync("operator:li");
        List<string> afterReset = await PlaceOrdersAsync(hub, 5, prefix: "after");

        Assert.All(await hub.SettleAsync(afterReset), o => Assert.Equal("WH-A", Assert.Single(o.Allocations).WarehouseId));
    }

    [Fact]
    public async Task AColdChainWarehouseTripsAfterFiveMinutesAboveEightDegreesAndNotBefore()
    {
        await using HubCluster hub = await HubCluster.StartAsync();
        await hub.Setup.WarehouseAsync("WH-COLD", HubSetup.Hangzhou, coldChain: true);
        IWarehouseGrain cold = hub.Setup.Warehouse("WH-COLD");
        DateTimeOffset t0 = hub.Clock.GetUtcNow();

        await cold.RecordSensorAsync(new SensorReading(9.0, 60, t0));
        await cold.RecordSensorAsync(new SensorReading(7.5, 60, t0.AddMinutes(2)));
        await cold.RecordSensorAsync(new SensorReading(9.2, 60, t0.AddMinutes(3)));
        WarehouseView stillClosed = await cold.RecordSensorAsync(new SensorReading(9.4, 60, t0.AddMinutes(7.9)));
        WarehouseView tripped = await cold.RecordSensorAsync(new SensorReading(9.1, 60, t0.AddMinutes(8)));

        Assert.Equal(BreakerState.Closed, stillClosed.Breaker.State);
        Assert.Equal((BreakerState.Open, BreakerSource.Sensor), (tripped.Breaker.State, tripped.Breaker.Source));
        Assert.Contains("above 8 °C for 5 min", tripped.Breaker.Reason);
    }

    [Fact]
    public async Task ACarrierFeedSilentForThirtyMinutesTripsTheWarehouse()
    {
        await using HubCluster hub = await HubCluster.StartAsync();
        await StockThreeWarehousesAsync(hub, a: 10, b: 10, c: 10);
        string orderId = (await PlaceOrdersAsync(hub, 1))[0];
        await hub.SettleAsync([orderId]);
        await hub.Order(orderId).ShipAsync("SF", "SF900", "operator");
        await hub.Order(orderId).ApplyCarrierEventAsync(new CarrierEvent("SF", "SF900", CarrierEventKind.PickedUp, hub.Clock.GetUtcNow()));
        IWarehouseGrain warehouse = hub.Setup.Warehouse("WH-A");

        hub.Clock.Advance(TimeSpan.FromMinutes(29));
        WarehouseView quiet = await warehouse.CheckAsync();
        hub.Clock.Advance(TimeSpan.FromMinutes(2));
        WarehouseView silent = await warehouse.CheckAsync();

        Assert.Equal(BreakerState.Closed, quiet.Breaker.State);
        Assert.Equal((BreakerState.Open, BreakerSource.Carrier), (silent.Breaker.State, silent.Breaker.Source));
        Assert.Contains("carrier feed silent for 31 min", silent.Breaker.Reason);
    }

    [Fact]
    public async Task AnOpenBreakerGoesHalfOpenAfterItsCoolDownAndClosesOnlyWhenAnOperatorResetsIt()
    {
        await using HubCluster hub = await HubCluster.StartAsync();
        await hub.Setup.WarehouseAsync("WH-A", HubSetup.Hangzhou);
        IWarehouseGrain warehouse = hub.Setup.Warehouse("WH-A");
        await warehouse.TripAsync("flood", BreakerSource.Operator);

        hub.Clock.Advance(TimeSpan.FromMinutes(5));
        WarehouseView early = await warehouse.CheckAsync();
        hub.Clock.Advance(TimeSpan.FromMinutes(6));
        WarehouseView probing = await warehouse.CheckAsync();
        WarehouseView reset = await warehouse.ResetAsync("operator:li");

        Assert.Equal(BreakerState.Open, early.Breaker.State);
        Assert.Equal(BreakerState.HalfOpen, probing.Breaker.State);
        Assert.Equal(BreakerState.Closed, reset.Breaker.State);
    }

    [Fact]
    public async Task OrdersReroutedIntoAWarehouseThatTripsAtTheSameTimeMoveAgainAndNothingIsLost()
    {
        await using HubCluster hub = await HubCluster.StartAsync();
        await StockThreeWarehousesAsync(hub, a: 2000, b: 600, c: 300);
        List<string> orders = await PlaceOrdersAsync(hub, 800);
        await hub.SettleAsync(orders);

        TripResult[] trips = await Task.WhenAll(
            hub.Setup.Warehouse("WH-A").TripAsync("power cut", BreakerSource.Operator),
            hub.Setup.Warehouse("WH-B").TripAsync("power cut", BreakerSource.Operator));
        await WaitForReroutesAsync(hub, "WH-A", trips[0].Epoch);
        await WaitForReroutesAsync(hub, "WH-B", trips[1].Epoch);

        IReadOnlyList<OrderRecord> after = await hub.SettleAsync(orders);
        Assert.All(after.Where(o => o.Status == OrderStatus.Allocated), o => Assert.All(o.Allocations, a => Assert.Equal("WH-C", a.WarehouseId)));
        int onC = after.Count(o => o.Status == OrderStatus.Allocated);
        Assert.InRange(onC, 1, 300);
        Assert.Equal(800, onC + after.Count(o => o.Status == OrderStatus.OnHold));
        Assert.Equal(onC, (await hub.Setup.LevelAsync("WH-C", "TEA")).Reserved);
        AuditReport audit = await hub.AuditAsync(orders);
        Assert.True(audit.Ok, string.Join("; ", audit.Violations.Take(5)));
    }

    private static async Task StockThreeWarehousesAsync(HubCluster hub, int a, int b, int c)
    {
        await hub.Setup.WarehouseAsync("WH-A", HubSetup.Hangzhou, false, "WH-B", "WH-C");
        await hub.Setup.WarehouseAsync("WH-B", HubSetup.Shanghai);
        await hub.Setup.WarehouseAsync("WH-C", HubSetup.Nanjing);
        await hub.Setup.SkuAsync("TEA", buckets: 4);
        await hub.Setup.StockAsync("WH-A", "TEA", a);
        await hub.Setup.StockAsync("WH-B", "TEA", b);
        await hub.Setup.StockAsync("WH-C", "TEA", c);
        await hub.Setup.MapAsync(Channel.Taobao, "tb-tea", "TEA");
    }

    private static async Task<List<string>> PlaceOrdersAsync(HubCluster hub, int count, string prefix = "o")
    {
        List<OrderBuilder> orders = Enumerable.Range(0, count).Select(i => new OrderBuilder($"{prefix}-{i}").Buyer($"{prefix}b{i}").Line("tb-tea")).ToList();
        await Task.WhenAll(orders.Select(o => Task.Run(() => hub.Order(o.OrderId).SubmitAsync(o.Build(), hub.Clock.GetUtcNow()))));
        return orders.Select(o => o.OrderId).ToList();
    }

    private static async Task<RerouteProgress> WaitForReroutesAsync(HubCluster hub, string warehouseId, long epoch)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            RerouteProgress progress = await hub.Setup.Warehouse(warehouseId).GetRerouteProgressAsync(epoch);
            if (progress.Pending == 0 || DateTime.UtcNow > deadline)
            {
                return progress;
            }
            await Task.Delay(20);
        }
    }
}
