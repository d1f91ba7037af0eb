using System.Collections.Immutable;
using OrderActors.Abstractions.Errors;
using OrderActors.Abstractions.AfterSales;
using OrderActors.Abstractions.Orders;
using OrderActors.Domain.AfterSales;
using OrderActors.Domain.Orders;
using OrderActors.Domain.Tests.Support;

namespace OrderActors.Domain.Tests.Orders;

public sealed class OrderLifecycleTests
{
    private static readonly DateTimeOffset At = OrderRecordBuilder.Start.AddMinutes(5);

    [Theory]
    [InlineData(OrderStatus.PendingPayment)]
    [InlineData(OrderStatus.Paid)]
    [InlineData(OrderStatus.OnHold)]
    [InlineData(OrderStatus.Cancelled)]
    public void ShippingBeforeAllocationIsRefusedNamingTheCurrentStatus(OrderStatus status)
    {
        OrderRecord order = new OrderRecordBuilder().InStatus(status).Build();

        IllegalTransitionException error = Assert.Throws<IllegalTransitionException>(() => OrderCommands.Ship(order, "SF", "SF123", At, "operator"));

        Assert.Equal(status.ToString(), error.CurrentStatus);
        Assert.Contains(status.ToString(), error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void ShippingWithoutATrackingNumberIsRefused(string trackingNo)
    {
        OrderRecord order = new OrderRecordBuilder().AllocatedAt("WH-HZ").Build();

        CommandValidationException error = Assert.Throws<CommandValidationException>(() => OrderCommands.Ship(order, "SF", trackingNo, At, "operator"));

        Assert.Equal("trackingNo", error.Field);
    }

    [Fact]
    public void ShippingAnAllocatedOrderRecordsCarrierTrackingAndTheTimeline()
    {
        OrderRecord order = new OrderRecordBuilder().AllocatedAt("WH-HZ").Build();

        OrderRecord shipped = OrderCommands.Ship(order, "SF", " SF123 ", At, "operator:li");

        Assert.Equal(OrderStatus.Shipped, shipped.Status);
        Assert.Equal("SF123", shipped.TrackingNo);
        TimelineEntry last = shipped.Timeline[^1];
        Assert.Equal((OrderStatus.Shipped, At, "operator:li"), (last.Status, last.At, last.Source));
        Assert.Contains("WH-HZ", last.Note);
    }

    [Fact]
    public void AllocationStampsReservedThenAllocatedOnTheTimeline()
    {
        OrderRecord order = new OrderRecordBuilder().Build();
        var allocations = new Dictionary<int, ImmutableList<StockAllocation>>
        {
            [1] = [new StockAllocation("WH-SH", "SKU-1", 3, 2, "r1")],
        };

        OrderRecord allocated = OrderCommands.Allocated(order, allocations, [new ExplanationEntry("Choice", "WH-SH fills the order")], At);

        Assert.Equal([OrderStatus.Paid, OrderStatus.Reserved, OrderStatus.Allocated], [order.Status, .. allocated.Timeline.Select(t => t.Status)]);
        Assert.Equal(2, allocated.Lines[0].AllocatedQuantity);
        Assert.Single(allocated.AllocationExplanation);
    }

    [Fact]
    public void CancellingDropsTheAllocationsButShippedOrdersCannotBeCancelled()
    {
        OrderRecord allocated = new OrderRecordBuilder().AllocatedAt("WH-HZ").Build();

        OrderRecord cancelled = OrderCommands.Cancel(allocated, "buyer changed mind", At, "operator");
        OrderRecord shipped = OrderCommands.Ship(allocated, "SF", "SF1", At, "operator");

        Assert.Equal(OrderStatus.Cancelled, cancelled.Status);
        Assert.Empty(cancelled.Allocations);
        Assert.Throws<IllegalTransitionException>(() => OrderCommands.Cancel(shipped, null, At, "operator"));
    }

    [Fact]
    public void ReleasingHoldsReturnsAPaidOrderToPaidAndAnUnpaidOneToPendingPayment()
    {
        var hold = new OrderHold(HoldCodes.InvalidPhone, "bad phone", At);
        OrderRecord paid = OrderCommands.Hold(new OrderRecordBuilder().Build(), [hold], At, "intake");
        OrderRecord unpaid = OrderCommands.Hold(new OrderRecordBuilder().Unpaid().Build(), [hold], At, "intake");

        Assert.Equal(OrderStatus.Paid, OrderCommands.ReleaseHolds(paid, "checked by phone", At, "operator").Status);
        Assert.Equal(OrderStatus.PendingPayment, OrderCommands.ReleaseHolds(unpaid, null, At, "operator").Status);
        Assert.Empty(OrderCommands.ReleaseHolds(paid, null, At, "operator").Holds);
    }

    [Fact]
    public void ReleasingHoldsOfAnOrderThatHasNoneIsRefused()
    {
        Assert.Throws<IllegalTransitionException>(() => OrderCommands.ReleaseHolds(new OrderRecordBuilder().Build(), null, At, "operator"));
    }

    [Fact]
    public void ReleasingANonBlockingHoldAcknowledgesItWithoutChangingTheStatus()
    {
        OrderRecord shipped = OrderCommands.Ship(new OrderRecordBuilder().AllocatedAt("WH-HZ").Build(), "SF", "SF1", At, "operator");
        OrderRecord flagged = OrderCommands.ApplyCarrier(shipped, new CarrierEvent("SF", "SF1", CarrierEventKind.Delivered, At));

        OrderRecord acknowledged = OrderCommands.ReleaseHolds(flagged, "buyer confirmed by phone", At, "operator:li");

        Assert.Equal(OrderStatus.Delivered, acknowledged.Status);
        Assert.Empty(acknowledged.Holds);
        TimelineEntry last = acknowledged.Timeline[^1];
        Assert.Equal((OrderStatus.Delivered, "operator:li"), (last.Status, last.Source));
        Assert.Contains("carrier_discrepancy", last.Note);
    }

    [Fact]
    public void ACarrierDeliveryThePlatformDoesNotConfirmRaisesANonBlockingDiscrepancyThatThePlatformClears()
    {
        OrderRecord shipped = OrderCommands.Ship(new OrderRecordBuilder().AllocatedAt("WH-HZ").Build(), "SF", "SF1", At, "operator");
        OrderRecord inTransit = PlatformEvents.Apply(shipped, new PlatformEvent(Channel.Taobao, "1001", PlatformEventKind.Shipped, "WAIT_BUYER_CONFIRM_GOODS", At));

        OrderRecord delivered = OrderCommands.ApplyCarrier(inTransit, new CarrierEvent("SF", "SF1", CarrierEventKind.Delivered, At.AddDays(2)));
        OrderHold discrepancy = Assert.Single(delivered.Holds);
        OrderRecord confirmed = PlatformEvents.Apply(delivered, new PlatformEvent(Channel.Taobao, "1001", PlatformEventKind.Completed, "TRADE_FINISHED", At.AddDays(3)));

        Assert.Equal(OrderStatus.Delivered, delivered.Status);
        Assert.Equal((HoldCodes.CarrierDiscrepancy, false), (discrepancy.Code, discrepancy.Blocking));
        Assert.Contains("WAIT_BUYER_CONFIRM_GOODS", discrepancy.Message);
        Assert.Empty(confirmed.Holds);
        Assert.Equal(OrderStatus.Completed, confirmed.Status);
    }

    [Fact]
    public void ACarrierDeliveryAfterThePlatformConfirmedRaisesNoDiscrepancy()
    {
        OrderRecord shipped = OrderCommands.Ship(new OrderRecordBuilder().AllocatedAt("WH-HZ").Build(), "SF", "SF1", At, "operator");
        OrderRecord confirmed = PlatformEvents.Apply(shipped, new PlatformEvent(Channel.Taobao, "1001", PlatformEventKind.Delivered, "received", At));

        OrderRecord carrier = OrderCommands.ApplyCarrier(confirmed with { Status = OrderStatus.InTransit }, new CarrierEvent("SF", "SF1", CarrierEventKind.Delivered, At));

        Assert.Empty(carrier.Holds);
    }

    [Fact]
    public void ARefundRequestBeforeShippingCancelsAndAfterShippingStartsAReturn()
    {
        var refund = new PlatformEvent(Channel.Taobao, "1001", PlatformEventKind.RefundRequested, "refund", At);
        OrderRecord allocated = new OrderRecordBuilder().AllocatedAt("WH-HZ").Build();
        OrderRecord shipped = OrderCommands.Ship(allocated, "SF", "SF1", At, "operator");

        Assert.Equal(OrderStatus.Cancelled, PlatformEvents.Apply(allocated, refund).Status);
        Assert.Null(OrderReturns.FromPlatform(allocated, refund));
        OrderRecord noted = PlatformEvents.Apply(shipped, refund);
        ReturnRequest request = Assert.IsType<ReturnRequest>(OrderReturns.FromPlatform(noted, refund));
        OrderRecord returning = OrderReturns.Open(noted, request, AfterSalesPolicy.Default, At).Order;

        Assert.Equal(OrderStatus.Returning, returning.Status);
        Assert.Equal(CustomerStatus.AfterSales, CustomerStatuses.Of(returning.Status));
        Assert.Equal(shipped.Lines.Sum(l => l.Quantity), request.Lines.Sum(l => l.Quantity));
        Assert.Null(OrderReturns.FromPlatform(returning, refund));
    }

    [Fact]
    public void PaymentMovesAPendingOrderToPaidOnceAndIsIdempotent()
    {
        var paid = new PlatformEvent(Channel.Taobao, "1001", PlatformEventKind.Paid, "WAIT_SELLER_SEND_GOODS", At);
        OrderRecord once = PlatformEvents.Apply(new OrderRecordBuilder().Unpaid().Build(), paid);
        OrderRecord twice = PlatformEvents.Apply(once, paid);

        Assert.Equal(OrderStatus.Paid, twice.Status);
        Assert.Equal(once.Timeline.Count, twice.Timeline.Count);
        Assert.True(twice.IsPaid);
    }

    [Theory]
    [InlineData(OrderStatus.Refunded, PlatformEventKind.Cancelled)]
    [InlineData(OrderStatus.Shipped, PlatformEventKind.Cancelled)]
    [InlineData(OrderStatus.Shipped, PlatformEventKind.Paid)]
    [InlineData(OrderStatus.Refunded, PlatformEventKind.RefundRequested)]
    [InlineData(OrderStatus.Cancelled, PlatformEventKind.Completed)]
    public void AMessageTheOrderIsAlreadyPastIsANoteAndChangesNothingElse(OrderStatus status, PlatformEventKind kind)
    {
        OrderRecord order = new OrderRecordBuilder().InStatus(status).Build();
        var late = new PlatformEvent(Channel.Douyin, "1001", kind, "late", At);

        OrderRecord after = PlatformEvents.Apply(order, late);
        OrderRecord again = PlatformEvents.Apply(after, late);

        Assert.Equal(status, after.Status);
        Assert.Equal(order.Lines, after.Lines);
        Assert.Equal(order.Timeline.Count + 1, after.Timeline.Count);
        Assert.Equal("channel:douyin", after.Timeline[^1].Source);
        Assert.Equal(after.Timeline.Count, again.Timeline.Count);
    }

    [Theory]
    [InlineData(OrderStatus.PendingPayment, "待付款")]
    [InlineData(OrderStatus.Allocated, "待发货")]
    [InlineData(OrderStatus.OnHold, "待发货")]
    [InlineData(OrderStatus.InTransit, "运输中")]
    [InlineData(OrderStatus.Delivered, "已完成")]
    [InlineData(OrderStatus.Cancelled, "已取消")]
    [InlineData(OrderStatus.Refunded, "售后中")]
    public void EveryStatusMapsToTheFourStageCustomerView(OrderStatus status, string label)
    {
        Assert.Equal(label, CustomerStatuses.LabelOf(status));
    }

    [Fact]
    public void TerminalStatusesAllowNoMove()
    {
        foreach (OrderStatus to in Enum.GetValues<OrderStatus>())
        {
            Assert.False(OrderLifecycle.CanMove(OrderStatus.Cancelled, to));
            Assert.False(OrderLifecycle.CanMove(OrderStatus.Refunded, to));
        }
    }
}
