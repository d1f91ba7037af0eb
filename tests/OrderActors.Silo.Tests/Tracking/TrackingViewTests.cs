using System.Collections.Immutable;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using OrderActors.Silo.Tracking;

namespace OrderActors.Silo.Tests.Tracking;

/// <summary>Issue 16: which stages an order has reached and when, as its tracking page shows them.</summary>
public sealed class TrackingViewTests
{
    private static readonly DateTimeOffset Placed = new(2026, 12, 2, 6, 5, 0, TimeSpan.Zero);

    [Fact]
    public void AnUnpaidOrderIsAtItsFirstStageSinceItWasPlaced()
    {
        TrackingView view = TrackingView.From(Order(OrderStatus.PendingPayment, paid: false));

        Assert.Equal([true, false, false, false], view.Stages.Select(s => s.Current));
        Assert.Equal([Placed, null, null, null], view.Stages.Select(s => s.At));
        Assert.False(view.OffPath);
        Assert.Equal("12月02日 14:05", TrackingHtml.ChinaDateTime(view.Stages[0].At!.Value));
    }

    [Fact]
    public void AReturnAfterDeliveryIsAfterSalesSinceTheReturnWithEveryStageReachedAndNoneCurrent()
    {
        OrderRecord order = Order(OrderStatus.Returning,
            (OrderStatus.Paid, 1, "channel:taobao"), (OrderStatus.Allocated, 2, "system"), (OrderStatus.Shipped, 60, "operator:wang"),
            (OrderStatus.InTransit, 120, "carrier:SF"), (OrderStatus.Delivered, 2000, "carrier:SF"), (OrderStatus.Returning, 3000, "operator:li"));

        TrackingView view = TrackingView.From(order);
        string html = TrackingHtml.Page(view);

        Assert.True(view.OffPath);
        Assert.Equal(CustomerStatus.AfterSales, view.Status);
        Assert.Equal(Placed.AddMinutes(3000), view.StatusAt);
        Assert.All(view.Stages, s => Assert.True(s.Reached && !s.Current));
        Assert.Equal([Placed, Placed.AddMinutes(1), Placed.AddMinutes(60), Placed.AddMinutes(2000)], view.Stages.Select(s => s.At));
        Assert.Contains("<p class=\"status-note after-sales\">售后中", html, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyTheCarriersEntriesAreEventsNewestFirstAndANoteTheHubDidNotWriteIsAPlainUpdate()
    {
        OrderRecord shipped = Order(OrderStatus.InTransit, (OrderStatus.Paid, 1, "channel:taobao"), (OrderStatus.Shipped, 60, "operator:wang"));
        OrderRecord order = shipped with
        {
            Timeline = shipped.Timeline.AddRange(
            [
                new TimelineEntry(OrderStatus.InTransit, Placed.AddMinutes(120), "carrier:SF", "SF SF1: PickedUp"),
                new TimelineEntry(OrderStatus.InTransit, Placed.AddMinutes(400), "carrier:SF", "SF SF1: Exception"),
                new TimelineEntry(OrderStatus.InTransit, Placed.AddMinutes(300), "carrier:SF", "SF SF1: OutForDelivery"),
                new TimelineEntry(OrderStatus.InTransit, Placed.AddMinutes(500), "operator:wang", "buyer called"),
                new TimelineEntry(OrderStatus.InTransit, Placed.AddMinutes(600), "carrier:SF", "<b>relabelled</b>"),
            ]),
        };

        TrackingView view = TrackingView.From(order);
        string html = TrackingHtml.Page(view);

        Assert.Equal([600, 400, 300, 120], view.Events.Select(e => (int)(e.At - Placed).TotalMinutes));
        Assert.Equal([null, CarrierEventKind.Exception, CarrierEventKind.OutForDelivery, CarrierEventKind.PickedUp], view.Events.Select(e => e.Kind));
        Assert.DoesNotContain("relabelled", html, StringComparison.Ordinal);
        Assert.DoesNotContain("buyer called", html, StringComparison.Ordinal);
    }

    [Fact]
    public void EverythingTheChannelSentIsEncodedAndAnEncryptedReceiverIsNotShown()
    {
        OrderRecord order = Order(OrderStatus.Allocated) with
        {
            ExternalOrderId = "<img src=x onerror=alert(1)>",
            ShippingAddress = new Address("浙江省", "杭州市\"><script>", "西湖区", "文三路398号"),
            Carrier = "<svg>",
            TrackingNo = "SF&1",
            Receiver = new Contact("cipher~~name", "cipher~~phone", PhoneMasked: false, Encrypted: true),
        };

        string html = TrackingHtml.Page(TrackingView.From(order));

        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("SF&amp;1", html, StringComparison.Ordinal);
        Assert.DoesNotContain("cipher", html, StringComparison.Ordinal);
        Assert.DoesNotContain("文三路", html, StringComparison.Ordinal);
        Assert.Contains("收件人已加密", html, StringComparison.Ordinal);
    }

    private static OrderRecord Order(OrderStatus status, params (OrderStatus Status, int Minutes, string Source)[] timeline) =>
        Order(status, paid: true, timeline);

    private static OrderRecord Order(OrderStatus status, bool paid, params (OrderStatus Status, int Minutes, string Source)[] timeline) => new()
    {
        OrderId = "taobao-1",
        Channel = Channel.Taobao,
        ExternalOrderId = "1",
        Status = status,
        CreatedAt = Placed,
        PaidAt = paid ? Placed.AddMinutes(1) : null,
        Receiver = new Contact("张三", "13812345678", PhoneMasked: false),
        ShippingAddress = new Address("浙江省", "杭州市", "西湖区", "文三路398号"),
        Timeline = timeline.Select(t => new TimelineEntry(t.Status, Placed.AddMinutes(t.Minutes), t.Source)).ToImmutableList(),
    };
}
