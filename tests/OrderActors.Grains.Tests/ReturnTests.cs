using System.Collections.Immutable;
using OrderActors.Abstractions.AfterSales;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Errors;
using OrderActors.Abstractions.Orders;
using OrderActors.Abstractions.Stock;
using OrderActors.Grains.Tests.Support;
using OrderActors.Testing;

namespace OrderActors.Grains.Tests;

/// <summary>RMAs on their own grain: the lifecycle, the stock they announce and bring back, races for the same units, and a cut-off opening.</summary>
public sealed class ReturnTests
{
    private static ReturnRequest Asked(ReturnKind kind, params (string Sku, int Quantity)[] lines) =>
        new(kind, [.. lines.Select(l => new ReturnedSku(l.Sku, l.Quantity))], "快递盒压扁了，杯子有裂痕", Money.Zero, "operator:alice");

    private static async Task<OrderRecord> ShippedAsync(HubCluster hub, string externalId, int cups = 3)
    {
        await hub.Setup.CupWorldAsync();
        OrderBuilder order = new OrderBuilder(externalId).Buyer($"buyer-{externalId}").Line("tb-cup", cups, 9900);
        await hub.Order(order.OrderId).SubmitAsync(order.Build(), hub.Clock.GetUtcNow());
        OrderRecord allocated = (await hub.SettleAsync([order.OrderId]))[0];
        Assert.Equal(OrderStatus.Allocated, allocated.Status);
        return await hub.Order(order.OrderId).ShipAsync("SF", $"SF-{externalId}", "operator:alice");
    }

    private static IRmaGrain Rma(HubCluster hub, string rmaId) => hub.Grains.GetGrain<IRmaGrain>(Keys.Rma(HubCluster.Tenant, rmaId));

    [Fact]
    public async Task AReturnGoesFromRequestToRefundAndItsUnitsComeBackGoodAndDamaged()
    {
        await using HubCluster hub = await HubCluster.StartAsync();
        OrderRecord shipped = await ShippedAsync(hub, "ret-1");
        string warehouse = shipped.Allocations.Single().WarehouseId;
        StockLevel before = await hub.Setup.LevelAsync(warehouse, "CUP");

        RmaRecord requested = await hub.Order(shipped.OrderId).OpenReturnAsync(Asked(ReturnKind.Return, ("CUP", 2)));
        Assert.Equal($"{shipped.OrderId}-R1", requested.RmaId);
        Assert.Equal(RmaStatus.Requested, requested.Status);
        Assert.Equal(warehouse, requested.Lines.Single().WarehouseId);
        Assert.False(string.IsNullOrEmpty(requested.ReasonCode));
        OrderRecord returning = (await hub.Order(shipped.OrderId).GetAsync())!;
        Assert.Equal(OrderStatus.Returning, returning.Status);
        Assert.Equal("售后中", CustomerStatuses.LabelOf(returning.Status));

        RmaRecord approved = await Rma(hub, requested.RmaId).ApproveAsync(null, "operator:alice");
        Assert.Equal(RmaStatus.Approved, approved.Status);
        StockLevel expecting = await hub.Setup.LevelAsync(warehouse, "CUP");
        Assert.Equal(2, expecting.ExpectedBack);
        Assert.Equal(before.Available, expecting.Available);

        RmaRecord received = await Rma(hub, requested.RmaId).ReceiveAsync([new ReceivedSku("CUP", 1, 1)], null, null, "operator:bob");
        StockLevel after = await hub.Setup.LevelAsync(warehouse, "CUP");
        Assert.Equal((before.OnHand + 1, 0, 1), (after.OnHand, after.ExpectedBack, after.Damaged));
        Assert.Equal(RmaStatus.Received, received.Status);

        RmaRecord refunded = await Rma(hub, requested.RmaId).RefundAsync("operator:bob");
        Assert.Equal(RmaStatus.Refunded, refunded.Status);
        Assert.Equal(new Money(2 * 9900), refunded.Refund.Total);
        OrderRecord settled = (await hub.Order(shipped.OrderId).GetAsync())!;
        Assert.Equal(OrderStatus.Shipped, settled.Status);
        Assert.Contains(settled.Timeline, t => t.Note?.Contains($"{requested.RmaId} refunded", StringComparison.Ordinal) == true);
        Assert.Equal(RmaStatus.Closed, (await Rma(hub, requested.RmaId).CloseAsync("operator:bob")).Status);

        AuditReport audit = await hub.AuditAsync([shipped.OrderId]);
        Assert.True(audit.Ok, string.Join("; ", audit.Violations.Take(5)));
    }

    [Fact]
    public async Task IllegalMovesNameTheCurrentStatusAndChangeNothing()
    {
        await using HubCluster hub = await HubCluster.StartAsync();
        OrderRecord shipped = await ShippedAsync(hub, "ret-2");
        RmaRecord rma = await hub.Order(shipped.OrderId).OpenReturnAsync(Asked(ReturnKind.Return, ("CUP", 1)));

        var refund = await Assert.ThrowsAsync<IllegalTransitionException>(() => Rma(hub, rma.RmaId).RefundAsync("operator:alice"));
        var receive = await Assert.ThrowsAsync<IllegalTransitionException>(
            () => Rma(hub, rma.RmaId).ReceiveAsync([new ReceivedSku("CUP", 1, 0)], null, null, "operator:alice"));

        Assert.Equal("Requested", refund.CurrentStatus);
        Assert.Equal("Requested", receive.CurrentStatus);
        RmaRecord unchanged = (await Rma(hub, rma.RmaId).GetAsync())!;
        Assert.Equal((RmaStatus.Requested, rma.Timeline.Count, rma.UpdatedAt), (unchanged.Status, unchanged.Timeline.Count, unchanged.UpdatedAt));
        await Assert.ThrowsAsync<IllegalTransitionException>(() => hub.Order(shipped.OrderId).CancelAsync(null, "operator:alice"));
    }

    [Fact]
    public async Task ManyRmasRacingForTheSameUnitsGetExactlyWhatWasBought()
    {
        await using HubCluster hub = await HubCluster.StartAsync();
        OrderRecord shipped = await ShippedAsync(hub, "ret-race", cups: 3);

        Task<RmaRecord>[] racing = Enumerable.Range(0, 12)
            .Select(_ => Task.Run(() => hub.Order(shipped.OrderId).OpenReturnAsync(Asked(ReturnKind.RefundOnly, ("CUP", 1)))))
            .ToArray();
        await Task.WhenAll(racing.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));

        Assert.Equal(3, racing.Count(t => t.IsCompletedSuccessfully));
        Assert.All(racing.Where(t => t.IsFaulted), t => Assert.IsType<CommandValidationException>(t.Exception!.InnerException));
        OrderRecord order = (await hub.Order(shipped.OrderId).GetAsync())!;
        Assert.Equal(3, order.Returns.Sum(c => c.Units.Sum(u => u.Quantity)));
        Assert.Equal(3, racing.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result.RmaId).Distinct().Count());
    }

    [Fact]
    public async Task ARejectedReturnGivesItsUnitsBackAndForgetsTheExpectedStock()
    {
        await using HubCluster hub = await HubCluster.StartAsync();
        OrderRecord shipped = await ShippedAsync(hub, "ret-reject", cups: 1);
        string warehouse = shipped.Allocations.Single().WarehouseId;
        RmaRecord first = await hub.Order(shipped.OrderId).OpenReturnAsync(Asked(ReturnKind.Return, ("CUP", 1)));
        await Rma(hub, first.RmaId).ApproveAsync(null, "operator:alice");
        await Assert.ThrowsAsync<CommandValidationException>(() => hub.Order(shipped.OrderId).OpenReturnAsync(Asked(ReturnKind.Return, ("CUP", 1))));

        RmaRecord rejected = await Rma(hub, first.RmaId).RejectAsync("buyer never sent it", "operator:alice");
        RmaRecord second = await hub.Order(shipped.OrderId).OpenReturnAsync(Asked(ReturnKind.Return, ("CUP", 1)));

        Assert.Equal(RmaStatus.Rejected, rejected.Status);
        Assert.Equal($"{shipped.OrderId}-R2", second.RmaId);
        Assert.Equal(0, (await hub.Setup.LevelAsync(warehouse, "CUP")).ExpectedBack);
        Assert.True((await hub.AuditAsync([shipped.OrderId])).Ok);
    }

    [Fact]
    public async Task AnExchangePlacesAReplacementOrderThatIsAllocatedLikeAnyOther()
    {
        await using HubCluster hub = await HubCluster.StartAsync();
        OrderRecord shipped = await ShippedAsync(hub, "ret-swap", cups: 1);
        RmaRecord rma = await hub.Order(shipped.OrderId).OpenReturnAsync(Asked(ReturnKind.Exchange, ("CUP", 1)));

        RmaRecord approved = await Rma(hub, rma.RmaId).ApproveAsync(null, "operator:alice");
        RmaRecord again = await Rma(hub, rma.RmaId).GetAsync() ?? throw new InvalidOperationException();
        OrderRecord replacement = (await hub.SettleAsync([approved.ReplacementOrderId!]))[0];

        Assert.Equal(approved.ReplacementOrderId, again.ReplacementOrderId);
        Assert.True(replacement.Status == OrderStatus.Allocated, string.Join("; ", replacement.Holds.Select(h => $"{h.Code}: {h.Message}")));
        Assert.Equal(Money.Zero, replacement.AmountPaid);
        Assert.Equal("CUP", replacement.Lines.Single().MasterSku);
        Assert.Equal(Money.Zero, approved.Refund.Total);
        RmaRecord received = await Rma(hub, rma.RmaId).ReceiveAsync([new ReceivedSku("CUP", 1, 0)], null, null, "operator:alice");
        Assert.Equal(RmaStatus.Closed, (await Rma(hub, received.RmaId).CloseAsync("operator:alice")).Status);
        Assert.True((await hub.AuditAsync([shipped.OrderId, replacement.OrderId])).Ok);
    }

    [Fact]
    public async Task RejectingAnApprovedExchangeCancelsItsReplacementAndReleasesItsStock()
    {
        await using HubCluster hub = await HubCluster.StartAsync();
        OrderRecord shipped = await ShippedAsync(hub, "ret-swap-no", cups: 1);
        RmaRecord rma = await hub.Order(shipped.OrderId).OpenReturnAsync(Asked(ReturnKind.Exchange, ("CUP", 1)));
        RmaRecord approved = await Rma(hub, rma.RmaId).ApproveAsync(null, "operator:alice");
        OrderRecord replacement = (await hub.SettleAsync([approved.ReplacementOrderId!]))[0];
        Assert.Equal(OrderStatus.Allocated, replacement.Status);

        RmaRecord rejected = await Rma(hub, rma.RmaId).RejectAsync("the parcel never came", "operator:alice");

        Assert.Equal(RmaStatus.Rejected, rejected.Status);
        Assert.Equal(OrderStatus.Cancelled, (await hub.Order(replacement.OrderId).GetAsync())!.Status);
        Assert.True((await hub.AuditAsync([shipped.OrderId, replacement.OrderId])).Ok);
    }

    [Fact]
    public async Task APlatformRefundRequestOnAShippedOrderOpensOneReturnHoweverOftenItIsPushed()
    {
        await using HubCluster hub = await HubCluster.StartAsync();
        OrderRecord shipped = await ShippedAsync(hub, "ret-platform", cups: 2);
        var refund = new PlatformEvent(Channel.Taobao, "ret-platform", PlatformEventKind.RefundRequested, "WAIT_SELLER_AGREE", hub.Clock.GetUtcNow(), "杯子漏水");

        await hub.Order(shipped.OrderId).ApplyPlatformEventAsync(refund);
        OrderRecord order = await hub.Order(shipped.OrderId).ApplyPlatformEventAsync(refund);

        ReturnClaim claim = Assert.Single(order.Returns);
        Assert.Equal("channel:taobao", claim.Source);
        Assert.Equal(2, claim.Units.Sum(u => u.Quantity));
        RmaRecord rma = (await Rma(hub, claim.RmaId).GetAsync())!;
        Assert.Equal("杯子漏水", rma.ReasonText);
        Assert.Equal(OrderStatus.Returning, order.Status);
    }

    [Fact]
    public async Task AnOpeningCutOffBeforeTheRmaGrainHadItIsHandedOverAgain()
    {
        var faults = new CallFaults();
        await using HubCluster hub = await HubCluster.StartAsync(faults: faults);
        OrderRecord shipped = await ShippedAsync(hub, "ret-cut", cups: 1);
        faults.Fail("OpenAsync", _ => true);

        await Assert.ThrowsAnyAsync<Exception>(() => hub.Order(shipped.OrderId).OpenReturnAsync(Asked(ReturnKind.Return, ("CUP", 1))));
        await Eventually.TrueAsync(async () => await Rma(hub, $"{shipped.OrderId}-R1").GetAsync() is not null, TimeSpan.FromSeconds(30),
            "the order hands the claimed RMA over again");

        Assert.Equal(RmaStatus.Requested, (await Rma(hub, $"{shipped.OrderId}-R1").GetAsync())!.Status);
        Assert.Single((await hub.Order(shipped.OrderId).GetAsync())!.Returns);
    }
}
