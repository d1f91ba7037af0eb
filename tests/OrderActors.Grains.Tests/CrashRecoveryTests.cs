using OrderActors.Abstractions.Orders;
using OrderActors.Abstractions.Stock;
using OrderActors.Grains.Tests.Support;
using OrderActors.Runtime;
using OrderActors.Runtime.Testing;

namespace OrderActors.Grains.Tests;

public sealed class CrashRecoveryTests
{
    [PostgresFact]
    public async Task ASiloKilledInTheMiddleOfARushLosesNoAcknowledgedOrderAndLeavesNoOrphanedStock()
    {
        await using PostgresTestDatabase database = await PostgresTestDatabase.CreateAsync();
        await using HubCluster hub = await HubCluster.StartAsync(database.ConnectionString);
        await hub.Setup.WarehouseAsync("WH-HZ", HubSetup.Hangzhou);
        await hub.Setup.WarehouseAsync("WH-SH", HubSetup.Shanghai);
        await hub.Setup.SkuAsync("HOT", buckets: 4);
        await hub.Setup.StockAsync("WH-HZ", "HOT", 150);
        await hub.Setup.StockAsync("WH-SH", "HOT", 100);
        await hub.Setup.MapAsync(Channel.Taobao, "tb-hot", "HOT");
        List<OrderBuilder> orders = Enumerable.Range(0, 400).Select(i => new OrderBuilder($"crash-{i}").Buyer($"c{i}").Line("tb-hot")).ToList();
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();

        Task rush = Task.WhenAll(orders.Select(o => Task.Run(async () =>
        {
            try
            {
                await hub.Order(o.OrderId).SubmitAsync(o.Build(), hub.Clock.GetUtcNow());
                acknowledged.Add(o.OrderId);
            }
            catch (Exception ex) when (ex is SiloUnavailableException or ObjectDisposedException or InvalidOperationException)
            {
                // In flight when the silo died: not acknowledged, so the caller would retry; nothing is promised.
            }
        })));
        await Eventually(() => acknowledged.Count >= 150);
        await hub.Cluster.Primary.KillAsync();
        await rush;
        TestSilo restarted = await hub.Cluster.StartSiloAsync();
        var grains = restarted.GrainFactory;

        OrderRecord?[] recovered = await Task.WhenAll(acknowledged.Select(id => grains.GetGrain<IOrderGrain>($"{HubCluster.Tenant}/{id}").GetAsync()));
        Assert.All(recovered, Assert.NotNull);
        IReadOnlyList<OrderRecord> settled = await SettleAsync(grains, acknowledged);
        Assert.All(settled, o => Assert.Contains(o.Status, new[] { OrderStatus.Allocated, OrderStatus.OnHold }));
        Assert.True(settled.Count(o => o.Status == OrderStatus.Allocated) <= 250);
        AuditReport audit = await new Audit.InventoryAudit(grains, TimeProvider.System).RunAsync(HubCluster.Tenant, orders.Select(o => o.OrderId));
        Assert.True(audit.Ok, string.Join("; ", audit.Violations.Take(5)));
    }

    private static async Task<IReadOnlyList<OrderRecord>> SettleAsync(IGrainFactory grains, IEnumerable<string> ids)
    {
        List<string> list = ids.ToList();
        DateTime deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            OrderRecord?[] orders = await Task.WhenAll(list.Select(id => grains.GetGrain<IOrderGrain>($"{HubCluster.Tenant}/{id}").GetAsync()));
            if (orders.All(o => o!.Status is not (OrderStatus.Paid or OrderStatus.Reserved)) || DateTime.UtcNow > deadline)
            {
                return orders!;
            }
            await Task.Delay(50);
        }
    }

    private static async Task Eventually(Func<bool> condition)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }
    }
}

public sealed class InterruptedAllocationTests
{
    [Fact]
    public async Task AnOrderReactivatedAfterACrashBetweenIntentAndCommitGivesBackTheReservationsNobodyOwns()
    {
        await using HubCluster hub = await HubCluster.StartAsync();
        await hub.Setup.WarehouseAsync("WH-HZ", HubSetup.Hangzhou);
        await hub.Setup.SkuAsync("CUP", buckets: 2);
        await hub.Setup.StockAsync("WH-HZ", "CUP", 10);
        await hub.Setup.MapAsync(Channel.Taobao, "tb-cup", "CUP");
        OrderBuilder order = new OrderBuilder("interrupted").Line("tb-cup", 2);
        await hub.Order(order.OrderId).SubmitAsync(order.Build(), hub.Clock.GetUtcNow());
        await hub.SettleAsync([order.OrderId]);
        var parcel = new Orders.LineParcel(1, "CUP", "WH-HZ", 3, Buckets: 2);
        string stray = Orders.StockReserver.ReservationId(order.OrderId, 1, "WH-HZ", 1, attempt: 99);
        await hub.Grains.GetGrain<IStockBucketGrain>(Abstractions.Common.Keys.Bucket(HubCluster.Tenant, "CUP", "WH-HZ", 1))
            .ReserveAsync(stray, order.OrderId, 3, allowPartial: false);
        await PlantIntentAsync(hub, order.OrderId, new Orders.PendingReservation(99, [parcel]));
        Assert.False((await hub.AuditAsync([order.OrderId])).Ok);

        hub.Cluster.Primary.CollectIdleActivations(TimeSpan.Zero);
        await Task.Delay(100);
        await hub.Order(order.OrderId).GetAsync();

        await WaitForAsync(async () => (await hub.AuditAsync([order.OrderId])).Ok);
        Assert.Equal(2, (await hub.Setup.LevelAsync("WH-HZ", "CUP")).Reserved);
    }

    /// <summary>Writes the order's state as a crash after recording the intent would have left it.</summary>
    private static async Task PlantIntentAsync(HubCluster hub, string orderId, Orders.PendingReservation pending)
    {
        var storage = (Runtime.Storage.IGrainStorage)hub.Cluster.Primary.Services.GetService(typeof(Runtime.Storage.IGrainStorage))!;
        var id = new Runtime.Core.GrainId("order", $"{HubCluster.Tenant}/{orderId}");
        Runtime.Storage.StoredState stored = await storage.ReadAsync(id, "order");
        Orders.OrderState state = System.Text.Json.JsonSerializer.Deserialize<Orders.OrderState>(stored.Json!, Runtime.Storage.RuntimeJson.Options)!;
        string json = System.Text.Json.JsonSerializer.Serialize(state with { Pending = pending }, Runtime.Storage.RuntimeJson.Options);
        await storage.WriteAsync(id, "order", json, stored.Etag);
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the interrupted allocation was never rolled back");
            await Task.Delay(20);
        }
    }
}
