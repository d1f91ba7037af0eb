using OrderActors.Abstractions.Orders;
using OrderActors.Abstractions.Stock;
using OrderActors.Abstractions.Warehouses;
using OrderActors.Grains.Tests.Support;
using Orleans.Runtime;

namespace OrderActors.Grains.Tests;

/// <summary>A trip tells its orders a window at a time, tells again the ones that never answered, and frees the closed stock in batches.</summary>
public sealed class RerouteFollowUpTests
{
    [Fact]
    public async Task ATripNeverHasMoreOrdersInFlightThanItsWindowAndStillMovesThemAll()
    {
        await using HubCluster hub = await HubCluster.StartAsync(configure: o => o.RerouteWindow = 16);
        await StockAsync(hub, a: 4000, b: 1000);
        List<string> orders = await PlaceOrdersAsync(hub.Grains, hub, 600);
        Assert.All(await hub.SettleAsync(orders), o => Assert.Equal("WH-A", Assert.Single(o.Allocations).WarehouseId));

        TripResult trip = await hub.Setup.Warehouse("WH-A").TripAsync("fire drill", BreakerSource.Operator);
        var seen = new List<RerouteProgress>();
        RerouteProgress progress = await WaitForReroutesAsync(hub.Setup, trip.Epoch, seen.Add);

        Assert.Equal((600, 600, 0), (trip.AffectedOrders, progress.Rerouted, progress.Pending));
        Assert.All(seen, p => Assert.InRange(p.InFlight, 0, 16));
        Assert.Contains(seen, p => p.Pending > 16);
        Assert.All(await hub.SettleAsync(orders), o => Assert.Equal("WH-B", Assert.Single(o.Allocations).WarehouseId));
        AuditReport audit = await hub.AuditAsync(orders);
        Assert.True(audit.Ok, string.Join("; ", audit.Violations.Take(5)));
    }

    [Fact]
    public async Task AnOrderWhoseRerouteMessageWasLostIsToldAgainOnceItIsOverdue()
    {
        var faults = new CallFaults();
        await using HubCluster hub = await HubCluster.StartAsync(
            configure: o => o.RerouteRetryAfter = TimeSpan.FromSeconds(3), faults: faults);
        await StockAsync(hub, a: 1000, b: 100);
        List<string> orders = await PlaceOrdersAsync(hub.Grains, hub, 20);
        Assert.All(await hub.SettleAsync(orders), o => Assert.Equal("WH-A", Assert.Single(o.Allocations).WarehouseId));
        string lost = orders[7];
        faults.Drop(nameof(IOrderGrain.RerouteAsync), c => c.TargetId.Key.ToString() == $"{HubCluster.Tenant}/{lost}");

        TripResult trip = await hub.Setup.Warehouse("WH-A").TripAsync("flood", BreakerSource.Operator);
        RerouteProgress stalled = await WaitForAsync(hub.Setup, trip.Epoch, p => p.Rerouted == 19);
        await Task.Delay(1500);
        RerouteProgress stillStalled = await hub.Setup.Warehouse("WH-A").GetRerouteProgressAsync(trip.Epoch);
        hub.Clock.Advance(TimeSpan.FromSeconds(4));
        RerouteProgress done = await WaitForReroutesAsync(hub.Setup, trip.Epoch);

        Assert.Equal(1, faults.Injected);
        Assert.Equal((1, 1), (stalled.Pending, stalled.InFlight));
        Assert.Equal(1, stillStalled.Pending);
        Assert.Equal((20, 0), (done.Rerouted, done.Pending));
        Assert.Equal("WH-B", Assert.Single((await hub.Order(lost).GetAsync())!.Allocations).WarehouseId);
        AuditReport audit = await hub.AuditAsync(orders);
        Assert.True(audit.Ok, string.Join("; ", audit.Violations.Take(5)));
    }

    [Fact]
    public async Task ATripFreesTheClosedStockInBatchesAndRetriesABatchThatFailed()
    {
        var faults = new CallFaults();
        await using HubCluster hub = await HubCluster.StartAsync(configure: o => o.RerouteRetryAfter = TimeSpan.FromSeconds(1), faults: faults);
        await StockAsync(hub, a: 4000, b: 1000);
        List<string> orders = await PlaceOrdersAsync(hub.Grains, hub, 300);
        Assert.All(await hub.SettleAsync(orders), o => Assert.Equal("WH-A", Assert.Single(o.Allocations).WarehouseId));
        faults.Fail(nameof(IStockBucketGrain.ReleaseManyAsync), _ => true);

        TripResult trip = await hub.Setup.Warehouse("WH-A").TripAsync("power cut", BreakerSource.Operator);
        RerouteProgress done = await WaitForReroutesAsync(hub.Setup, trip.Epoch);
        StockLevel freed = await EventuallyAsync(() => hub.Setup.LevelAsync("WH-A", "TEA"), level => level.Reserved == 0);

        Assert.Equal(1, faults.Injected);
        Assert.Equal((300, 0), (done.Rerouted, done.Pending));
        Assert.Equal(0, freed.Reserved);
        Assert.InRange(faults.Calls(nameof(IStockBucketGrain.ReleaseManyAsync)), 2, 2 * (150 / 64 + 1) + 2);
        Assert.Equal(0, faults.Calls(nameof(IStockBucketGrain.ReleaseAsync)));
        AuditReport audit = await hub.AuditAsync(orders);
        Assert.True(audit.Ok, string.Join("; ", audit.Violations.Take(5)));
    }

    [Fact]
    public async Task ACancelledOrderWhoseReleaseFailedIsStillCancelledAndItsStockIsFreedOnARetry()
    {
        var faults = new CallFaults();
        await using HubCluster hub = await HubCluster.StartAsync(faults: faults);
        await StockAsync(hub, a: 100, b: 100);
        string orderId = (await PlaceOrdersAsync(hub.Grains, hub, 1))[0];
        await hub.SettleAsync([orderId]);
        faults.Fail(nameof(IStockBucketGrain.ReleaseAsync), c => ((string)c.Request.GetArgument(0)!).StartsWith(orderId + ":", StringComparison.Ordinal));

        OrderRecord cancelled = await hub.Order(orderId).CancelAsync("buyer changed mind", "operator");
        int heldRightAfter = (await hub.Setup.LevelAsync("WH-A", "TEA")).Reserved;
        StockLevel freed = await EventuallyAsync(() => hub.Setup.LevelAsync("WH-A", "TEA"), level => level.Reserved == 0);

        Assert.Equal(1, faults.Injected);
        Assert.Equal(OrderStatus.Cancelled, cancelled.Status);
        Assert.Equal(1, heldRightAfter);
        Assert.Equal(0, freed.Reserved);
        AuditReport audit = await hub.AuditAsync([orderId]);
        Assert.True(audit.Ok, string.Join("; ", audit.Violations.Take(5)));
    }

    private static async Task StockAsync(HubCluster hub, int a, int b)
    {
        await hub.Setup.WarehouseAsync("WH-A", HubSetup.Hangzhou, false, "WH-B");
        await hub.Setup.WarehouseAsync("WH-B", HubSetup.Shanghai);
        await hub.Setup.SkuAsync("TEA", buckets: 2);
        await hub.Setup.StockAsync("WH-A", "TEA", a);
        await hub.Setup.StockAsync("WH-B", "TEA", b);
        await hub.Setup.MapAsync(Channel.Taobao, "tb-tea", "TEA");
    }

    private static async Task<List<string>> PlaceOrdersAsync(IGrainFactory grains, HubCluster hub, int count)
    {
        List<OrderBuilder> orders = Enumerable.Range(0, count).Select(i => new OrderBuilder($"rf-{i}").Buyer($"rf{i}").Line("tb-tea")).ToList();
        await Task.WhenAll(orders.Select(o => Task.Run(() => grains.GetGrain<IOrderGrain>($"{HubCluster.Tenant}/{o.OrderId}").SubmitAsync(o.Build(), hub.Clock.GetUtcNow()))));
        return orders.Select(o => o.OrderId).ToList();
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            T value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }
            await Task.Delay(50);
        }
    }

    private static Task<RerouteProgress> WaitForReroutesAsync(HubSetup setup, long epoch, Action<RerouteProgress>? observe = null) =>
        WaitForAsync(setup, epoch, p => p.Pending == 0, TimeSpan.FromSeconds(60), observe);

    private static async Task<RerouteProgress> WaitForAsync(
        HubSetup setup, long epoch, Func<RerouteProgress, bool> done, TimeSpan? within = null, Action<RerouteProgress>? observe = null)
    {
        DateTime deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            RerouteProgress progress;
            try
            {
                progress = await setup.Warehouse("WH-A").GetRerouteProgressAsync(epoch);
            }
            catch (SiloUnavailableException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
                continue;
            }
            observe?.Invoke(progress);
            if (done(progress))
            {
                return progress;
            }
            Assert.True(DateTime.UtcNow < deadline, $"trip {epoch} did not get there in time: {progress}");
            await Task.Delay(5);
        }
    }
}
