using OrderActors.Abstractions.Orders;
using OrderActors.Abstractions.Stock;
using OrderActors.Grains.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Storage;

namespace OrderActors.Grains.Tests;

public sealed class InterruptedAllocationTests
{
    [Fact]
    public async Task AnOrderReactivatedAfterAnAllocationWasCutOffReleasesWhatThatAttemptReservedAndAllocatesAgain()
    {
        await using HubCluster hub = await HubCluster.StartAsync();
        await hub.Setup.CupWorldAsync();
        OrderBuilder order = new OrderBuilder("interrupted").Phone("1").Line("tb-cup", 2);
        await hub.Order(order.OrderId).SubmitAsync(order.Build(), hub.Clock.GetUtcNow());
        string orphan = Orders.StockReserver.ReservationId(order.OrderId, 1, "WH-BJ", 0, attempt: 1);
        await hub.Grains.GetGrain<IStockBucketGrain>(Abstractions.Common.Keys.Bucket(HubCluster.Tenant, "CUP", "WH-BJ", 0))
            .ReserveAsync(orphan, order.OrderId, 2, allowPartial: false);
        await PlantPaidStateAsync(hub, order.OrderId);
        Assert.False((await hub.AuditAsync([order.OrderId])).Ok);

        await hub.CollectIdleActivationsAsync();
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
        IGrainStorage storage = hub.PrimaryServices.GetRequiredKeyedService<IGrainStorage>("Default");
        GrainId id = GrainId.Create("order", $"{HubCluster.Tenant}/{orderId}");
        var stored = new GrainState<Orders.OrderState>();
        await storage.ReadStateAsync("order", id, stored);
        Orders.OrderState state = stored.State!;
        stored.State = state with { Order = state.Order! with { Status = OrderStatus.Paid, Holds = [] }, NextAttempt = 1 };
        await storage.WriteStateAsync("order", id, stored);
    }
}
