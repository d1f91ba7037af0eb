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
    public async Task AnOrderReactivatedAfterAnAllocationWasCutOffReleasesWhatThatAttemptReservedAndAllocatesAgain()
    {
        await using HubCluster hub = await HubCluster.StartAsync();
        await hub.Setup.WarehouseAsync("WH-HZ", HubSetup.Hangzhou);
        await hub.Setup.WarehouseAsync("WH-BJ", HubSetup.Beijing);
        await hub.Setup.SkuAsync("CUP");
        await hub.Setup.StockAsync("WH-HZ", "CUP", 10);
        await hub.Setup.StockAsync("WH-BJ", "CUP", 10);
        await hub.Setup.MapAsync(Channel.Taobao, "tb-cup", "CUP");
        OrderBuilder order = new OrderBuilder("interrupted").Phone("1").Line("tb-cup", 2);
        await hub.Order(order.OrderId).SubmitAsync(order.Build(), hub.Clock.GetUtcNow());
        string orphan = Orders.StockReserver.ReservationId(order.OrderId, 1, "WH-BJ", 0, attempt: 1);
        await hub.Grains.GetGrain<IStockBucketGrain>(Abstractions.Common.Keys.Bucket(HubCluster.Tenant, "CUP", "WH-BJ", 0))
            .ReserveAsync(orphan, order.OrderId, 2, allowPartial: false);
        await PlantPaidStateAsync(hub, order.OrderId);
        Assert.False((await hub.AuditAsync([order.OrderId])).Ok);

        hub.Cluster.Primary.CollectIdleActivations(TimeSpan.Zero);
        await Task.Delay(100);
        OrderRecord settled = (await hub.SettleAsync([order.OrderId]))[0];

        Assert.Equal(OrderStatus.Allocated, settled.Status);
        Assert.Equal("WH-HZ", Assert.Single(settled.Allocations).WarehouseId);
        Assert.Equal(0, (await hub.Setup.LevelAsync("WH-BJ", "CUP")).Reserved);
        AuditReport audit = await hub.AuditAsync([order.OrderId]);
        Assert.True(audit.Ok, string.Join("; ", audit.Violations));
    }

    /// <summary>The state a crash leaves when it strikes after attempt 1 reserved but before its result was written: paid, nothing listed.</summary>
    private static async Task PlantPaidStateAsync(HubCluster hub, string orderId)
    {
        var storage = (Runtime.Storage.IGrainStorage)hub.Cluster.Primary.Services.GetService(typeof(Runtime.Storage.IGrainStorage))!;
        var id = new Runtime.Core.GrainId("order", $"{HubCluster.Tenant}/{orderId}");
        Runtime.Storage.StoredState stored = await storage.ReadAsync(id, "order");
        Orders.OrderState state = System.Text.Json.JsonSerializer.Deserialize<Orders.OrderState>(stored.Json!, Runtime.Storage.RuntimeJson.Options)!;
        Orders.OrderState paid = state with { Order = state.Order! with { Status = OrderStatus.Paid, Holds = [] }, NextAttempt = 1 };
        await storage.WriteAsync(id, "order", System.Text.Json.JsonSerializer.Serialize(paid, Runtime.Storage.RuntimeJson.Options), stored.Etag);
    }
}
