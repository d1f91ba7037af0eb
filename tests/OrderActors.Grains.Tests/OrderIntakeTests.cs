using OrderActors.Abstractions.Errors;
using OrderActors.Abstractions.Orders;
using OrderActors.Abstractions.Stock;
using OrderActors.Grains.Tests.Support;

namespace OrderActors.Grains.Tests;

public sealed class OrderIntakeTests : IAsyncLifetime
{
    private HubCluster _hub = null!;

    public async Task InitializeAsync()
    {
        _hub = await HubCluster.StartAsync();
        await _hub.Setup.CupWorldAsync();
    }

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task APaidOrderIsAnsweredThenAllocatedToTheNearestWarehouseWithItsReasoning()
    {
        OrderBuilder order = new OrderBuilder("1001").Line("tb-cup", 2);

        IntakeResult result = await _hub.Order(order.OrderId).SubmitAsync(order.Build(), _hub.Clock.GetUtcNow());
        OrderRecord settled = (await _hub.SettleAsync([order.OrderId]))[0];

        Assert.Equal(("taobao-1001", OrderStatus.Paid, false), (result.OrderId, result.Status, result.Duplicate));
        Assert.Equal(OrderStatus.Allocated, settled.Status);
        Assert.Equal([OrderStatus.Paid, OrderStatus.Reserved, OrderStatus.Allocated], settled.Timeline.Select(t => t.Status));
        StockAllocation allocation = Assert.Single(settled.Allocations);
        Assert.Equal(("WH-HZ", 2), (allocation.WarehouseId, allocation.Quantity));
        Assert.Contains(settled.AllocationExplanation, e => e.Text.Contains("WH-HZ"));
        Assert.Equal(2, (await _hub.Setup.LevelAsync("WH-HZ", "CUP")).Reserved);
        Assert.True((await _hub.AuditAsync([order.OrderId])).Ok);
    }

    [Fact]
    public async Task AnUnpaidOrderReservesNothingUntilThePaymentEventArrives()
    {
        OrderBuilder order = new OrderBuilder("1002").Unpaid().Line("tb-cup");
        await _hub.Order(order.OrderId).SubmitAsync(order.Build(), _hub.Clock.GetUtcNow());
        await Task.Delay(100);
        Assert.Equal(OrderStatus.PendingPayment, (await _hub.Order(order.OrderId).GetAsync())!.Status);
        Assert.Equal(0, (await _hub.Setup.LevelAsync("WH-HZ", "CUP")).Reserved);

        await _hub.Order(order.OrderId).ApplyPlatformEventAsync(
            new PlatformEvent(Channel.Taobao, "1002", PlatformEventKind.Paid, "WAIT_SELLER_SEND_GOODS", _hub.Clock.GetUtcNow()));

        Assert.Equal(OrderStatus.Allocated, (await _hub.SettleAsync([order.OrderId]))[0].Status);
    }

    [Theory]
    [InlineData("bad-phone", HoldCodes.InvalidPhone)]
    [InlineData("bad-district", HoldCodes.InvalidDivision)]
    [InlineData("unmapped", HoldCodes.UnmappedSku)]
    public async Task AWrongOrderGoesOnHoldWithItsReasonCodeAndReservesNothing(string problem, string code)
    {
        OrderBuilder order = new OrderBuilder($"hold-{problem}").Line(problem == "unmapped" ? "tb-unknown" : "tb-cup");
        if (problem == "bad-phone")
        {
            order.Phone("1234");
        }
        if (problem == "bad-district")
        {
            order.ShipTo("浙江省", "杭州市", "不存在区");
        }

        IntakeResult result = await _hub.Order(order.OrderId).SubmitAsync(order.Build(), _hub.Clock.GetUtcNow());

        Assert.Equal(OrderStatus.OnHold, result.Status);
        Assert.Contains(result.Holds, h => h.Code == code);
        await Task.Delay(100);
        Assert.Equal(OrderStatus.OnHold, (await _hub.Order(order.OrderId).GetAsync())!.Status);
        Assert.Equal(0, (await _hub.Setup.LevelAsync("WH-HZ", "CUP")).Reserved);
    }

    [Fact]
    public async Task TheSameBuyerAddressAndItemsWithinTheWindowIsASuspectedDuplicate()
    {
        NormalizedOrder first = new OrderBuilder("dup-1").Buyer("alice").Line("tb-cup").Build();
        NormalizedOrder second = new OrderBuilder("dup-2").Buyer("alice").Line("tb-cup").Build();

        IntakeResult a = await _hub.Order("taobao-dup-1").SubmitAsync(first, _hub.Clock.GetUtcNow());
        IntakeResult b = await _hub.Order("taobao-dup-2").SubmitAsync(second, _hub.Clock.GetUtcNow().AddMinutes(2));

        Assert.Empty(a.Holds);
        Assert.Contains(b.Holds, h => h.Code == HoldCodes.SuspectedDuplicate);
    }

    [Fact]
    public async Task TwoHundredConcurrentRepostsCreateOneOrderAndReserveOnce()
    {
        NormalizedOrder order = new OrderBuilder("storm").Line("tb-cup", 3).Build();

        IntakeResult[] results = await Task.WhenAll(Enumerable.Range(0, 200)
            .Select(_ => Task.Run(() => _hub.Order("taobao-storm").SubmitAsync(order, _hub.Clock.GetUtcNow()))));
        OrderRecord settled = (await _hub.SettleAsync(["taobao-storm"]))[0];

        Assert.Single(results, r => !r.Duplicate);
        Assert.All(results, r => Assert.Equal("taobao-storm", r.OrderId));
        Assert.Equal(OrderStatus.Allocated, settled.Status);
        StockLevel hz = await _hub.Setup.LevelAsync("WH-HZ", "CUP");
        StockLevel bj = await _hub.Setup.LevelAsync("WH-BJ", "CUP");
        Assert.Equal(3, hz.Reserved + bj.Reserved);
        Assert.True((await _hub.AuditAsync(["taobao-storm"])).Ok);
    }

    [Fact]
    public async Task IllegalTransitionsAreRefusedNamingTheCurrentStatus()
    {
        OrderBuilder order = new OrderBuilder("illegal").Unpaid().Line("tb-cup");
        await _hub.Order(order.OrderId).SubmitAsync(order.Build(), _hub.Clock.GetUtcNow());

        IllegalTransitionException ship = await Assert.ThrowsAsync<IllegalTransitionException>(() => _hub.Order(order.OrderId).ShipAsync("SF", "SF1", "operator"));
        await _hub.Order(order.OrderId).CancelAsync("test", "operator");
        IllegalTransitionException again = await Assert.ThrowsAsync<IllegalTransitionException>(() => _hub.Order(order.OrderId).CancelAsync(null, "operator"));

        Assert.Equal("PendingPayment", ship.CurrentStatus);
        Assert.Equal("Cancelled", again.CurrentStatus);
        await Assert.ThrowsAsync<NotFoundException>(() => _hub.Order("taobao-nope").ShipAsync("SF", "SF2", "operator"));
    }

    [Fact]
    public async Task ShippingCommitsTheStockAndCancellingReleasesIt()
    {
        OrderBuilder shipped = new OrderBuilder("ship").Line("tb-cup", 2);
        OrderBuilder cancelled = new OrderBuilder("cancel").Line("tb-cup", 3);
        await _hub.Order(shipped.OrderId).SubmitAsync(shipped.Build(), _hub.Clock.GetUtcNow());
        await _hub.Order(cancelled.OrderId).SubmitAsync(cancelled.Build(), _hub.Clock.GetUtcNow());
        await _hub.SettleAsync([shipped.OrderId, cancelled.OrderId]);

        await Assert.ThrowsAsync<CommandValidationException>(() => _hub.Order(shipped.OrderId).ShipAsync("SF", " ", "operator"));
        OrderRecord afterShip = await _hub.Order(shipped.OrderId).ShipAsync("SF", "SF100", "operator");
        OrderRecord afterCancel = await _hub.Order(cancelled.OrderId).CancelAsync("buyer asked", "operator");

        Assert.Equal((OrderStatus.Shipped, "SF100"), (afterShip.Status, afterShip.TrackingNo));
        Assert.Equal(OrderStatus.Cancelled, afterCancel.Status);
        StockLevel shippedFrom = await _hub.Setup.LevelAsync(Assert.Single(afterShip.Allocations).WarehouseId, "CUP");
        StockLevel[] all = [await _hub.Setup.LevelAsync("WH-HZ", "CUP"), await _hub.Setup.LevelAsync("WH-BJ", "CUP")];
        Assert.Equal(8, shippedFrom.OnHand);
        Assert.Equal((18, 0), (all.Sum(l => l.OnHand), all.Sum(l => l.Reserved)));
        Assert.True((await _hub.AuditAsync([shipped.OrderId, cancelled.OrderId])).Ok);
    }
}
