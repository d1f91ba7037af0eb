using System.Text.Json;
using OrderActors.Abstractions.Errors;
using OrderActors.Abstractions.Orders;
using OrderActors.Abstractions.Warehouses;
using OrderActors.Grains.Tests.Support;
using OrderActors.Testing;

namespace OrderActors.Grains.Tests;

/// <summary>
/// Issue 13, nothing half-applied: for every state-changing grain method, a storage that refuses the write leaves the
/// grain exactly as it was (what it answers, what a fresh activation reads, the stock and the audit), the caller gets
/// <see cref="StateNotStoredException"/>, and the same call once the storage heals succeeds.
/// </summary>
public sealed class StateWriteFailureTests : IAsyncLifetime
{
    private readonly StorageFaults _storage = new();
    private HubCluster _hub = null!;

    public static TheoryData<string> OrderCommands => new() { "submit", "paid", "cancel", "ship", "release-hold", "deliver", "carrier", "tracking-index" };

    public async Task InitializeAsync()
    {
        _hub = await HubCluster.StartAsync(storageFaults: _storage);
        await _hub.Setup.CupWorldAsync();
    }

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Theory]
    [MemberData(nameof(OrderCommands))]
    public async Task AnOrderCommandWhoseWriteFailsChangesNothingAndSucceedsOnceTheStorageHeals(string command)
    {
        string external = $"w-{command}";
        OrderBuilder order = new OrderBuilder(external).Line("tb-cup", 2);
        if (command == "paid")
        {
            order.Unpaid();
        }
        if (command == "release-hold")
        {
            order.Phone("12345");
        }
        IOrderGrain grain = _hub.Order(order.OrderId);
        if (command != "submit")
        {
            await grain.SubmitAsync(order.Build(), _hub.Clock.GetUtcNow());
            await _hub.SettleAsync([order.OrderId]);
        }
        if (command is "deliver" or "carrier")
        {
            await grain.ShipAsync("SF", $"SF-{external}", "test");
        }
        string before = await SnapshotAsync(order.OrderId);
        int reservedBefore = (await _hub.Setup.LevelAsync("WH-HZ", "CUP")).Reserved;
        _storage.FailWritesOf(command == "tracking-index" ? "trackingindex" : "order");

        await Assert.ThrowsAsync<StateNotStoredException>(() => RunAsync(command, grain, order, external));

        Assert.True(_storage.Refused > 0, "the fault must have been hit");
        Assert.Equal(before, await SnapshotAsync(order.OrderId));
        Assert.Equal(reservedBefore, (await _hub.Setup.LevelAsync("WH-HZ", "CUP")).Reserved);
        await _hub.CollectIdleActivationsAsync();
        Assert.Equal(before, await SnapshotAsync(order.OrderId));
        Assert.True((await _hub.AuditAsync()).Ok, "the audit must stay clean after a refused write");

        _storage.Heal();
        await RunAsync(command, grain, order, external);

        Assert.NotEqual(before, await SnapshotAsync(order.OrderId));
        await Eventually.TrueAsync(async () => (await _hub.AuditAsync()).Ok, TimeSpan.FromSeconds(20), "audit after the retry");
    }

    [Fact]
    public async Task AWarehouseWhoseTripCannotBeStoredStaysClosedAndNothingIsRerouted()
    {
        OrderBuilder order = new OrderBuilder("w-trip").Line("tb-cup");
        await _hub.Order(order.OrderId).SubmitAsync(order.Build(), _hub.Clock.GetUtcNow());
        await _hub.SettleAsync([order.OrderId]);
        IWarehouseGrain warehouse = _hub.Setup.Warehouse("WH-HZ");
        _storage.FailWritesOf("warehouse");

        await Assert.ThrowsAsync<StateNotStoredException>(() => warehouse.TripAsync("冷机故障", BreakerSource.Operator));
        await Assert.ThrowsAsync<StateNotStoredException>(() => _hub.Setup.WarehouseAsync("WH-HZ", HubSetup.Shanghai));

        Assert.Equal(BreakerState.Closed, (await warehouse.GetAsync())!.Breaker.State);
        Assert.Equal(HubSetup.Hangzhou, (await warehouse.GetAsync())!.Definition.Location);
        Assert.Equal("WH-HZ", (await _hub.Order(order.OrderId).GetAsync())!.Allocations.Single().WarehouseId);
        _storage.Heal();
        Assert.False((await warehouse.TripAsync("冷机故障", BreakerSource.Operator)).AlreadyOpen);
        Assert.Equal(BreakerState.Open, (await warehouse.GetAsync())!.Breaker.State);
    }

    [Fact]
    public async Task ASkuMappingWhoseWriteFailsIsNotAdopted()
    {
        ISkuMappingGrain mapping = _hub.Grains.GetGrain<ISkuMappingGrain>($"{HubCluster.Tenant}/taobao/tb-new");
        _storage.FailWritesOf("skumapping");

        await Assert.ThrowsAsync<StateNotStoredException>(() => mapping.SetAsync("CUP", null));

        Assert.Null(await mapping.GetAsync());
        _storage.Heal();
        Assert.Equal("CUP", (await mapping.SetAsync("CUP", null)).Sku);
    }

    private async Task RunAsync(string command, IOrderGrain grain, OrderBuilder order, string external)
    {
        DateTimeOffset now = _hub.Clock.GetUtcNow();
        switch (command)
        {
            case "submit":
                Assert.False((await grain.SubmitAsync(order.Build(), now)).Duplicate);
                break;
            case "paid":
                await grain.ApplyPlatformEventAsync(new PlatformEvent(Channel.Taobao, external, PlatformEventKind.Paid, "WAIT_SELLER_SEND_GOODS", now));
                break;
            case "cancel":
                await grain.CancelAsync("买家取消", "test");
                break;
            case "ship" or "tracking-index":
                await grain.ShipAsync("SF", $"SF-{external}", "test");
                break;
            case "release-hold":
                await grain.ReleaseHoldAsync("电话已核实", "test");
                break;
            case "deliver":
                await grain.DeliverAsync("test");
                break;
            case "carrier":
                await grain.ApplyCarrierEventAsync(new CarrierEvent("SF", $"SF-{external}", CarrierEventKind.InTransit, now));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(command), command, null);
        }
    }

    private async Task<string> SnapshotAsync(string orderId) => JsonSerializer.Serialize(await _hub.Order(orderId).GetAsync());
}

/// <summary>The failure as it was found: PostgreSQL refuses text holding U+0000, and the order must not keep the change.</summary>
public sealed class PostgresRefusalTests
{
    [PostgresFact]
    public async Task ACancelWhoseReasonPostgresRefusesLeavesTheOrderAllocatedAndItsStockReserved()
    {
        await using PostgresTestDatabase database = await PostgresTestDatabase.CreateAsync();
        await using HubCluster hub = await HubCluster.StartAsync(database.ConnectionString);
        await hub.Setup.WarehouseAsync("WH-HZ", HubSetup.Hangzhou);
        await hub.Setup.SkuAsync("CUP");
        await hub.Setup.StockAsync("WH-HZ", "CUP", 10);
        await hub.Setup.MapAsync(Channel.Taobao, "tb-cup", "CUP");
        OrderBuilder order = new OrderBuilder("pg-nul").Line("tb-cup", 3);
        IOrderGrain grain = hub.Order(order.OrderId);
        await grain.SubmitAsync(order.Build(), hub.Clock.GetUtcNow());
        await hub.SettleAsync([order.OrderId]);

        await Assert.ThrowsAsync<StateNotStoredException>(() => grain.CancelAsync("买家\u0000取消", "test"));

        Assert.Equal(OrderStatus.Allocated, (await grain.GetAsync())!.Status);
        Assert.Equal(3, (await hub.Setup.LevelAsync("WH-HZ", "CUP")).Reserved);
        Assert.True((await hub.AuditAsync()).Ok);
        Assert.Equal(OrderStatus.Cancelled, (await grain.CancelAsync("买家取消", "test")).Status);
        await Eventually.TrueAsync(async () => (await hub.Setup.LevelAsync("WH-HZ", "CUP")).Reserved == 0, TimeSpan.FromSeconds(10));
    }
}
