using OrderActors.Abstractions.Orders;
using OrderActors.Connectors.StatusMaps;

namespace OrderActors.Connectors.Tests;

public sealed class StatusMapTests
{
    /// <summary>Each platform's documented order statuses and where the unified lifecycle puts them.</summary>
    public static TheoryData<Channel, string, OrderStatus> DocumentedOrderStatuses => new()
    {
        { Channel.Taobao, "TRADE_NO_CREATE_PAY", OrderStatus.PendingPayment },
        { Channel.Taobao, "WAIT_BUYER_PAY", OrderStatus.PendingPayment },
        { Channel.Taobao, "PAY_PENDING", OrderStatus.PendingPayment },
        { Channel.Taobao, "WAIT_PRE_AUTH_CONFIRM", OrderStatus.PendingPayment },
        { Channel.Taobao, "WAIT_SELLER_SEND_GOODS", OrderStatus.Paid },
        { Channel.Taobao, "PAID_FORBID_CONSIGN", OrderStatus.Paid },
        { Channel.Taobao, "SELLER_CONSIGNED_PART", OrderStatus.Shipped },
        { Channel.Taobao, "WAIT_BUYER_CONFIRM_GOODS", OrderStatus.Shipped },
        { Channel.Taobao, "TRADE_BUYER_SIGNED", OrderStatus.Delivered },
        { Channel.Taobao, "TRADE_FINISHED", OrderStatus.Completed },
        { Channel.Taobao, "TRADE_CLOSED", OrderStatus.Refunded },
        { Channel.Taobao, "TRADE_CLOSED_BY_TAOBAO", OrderStatus.Cancelled },
        { Channel.Jd, "WAIT_SELLER_STOCK_OUT", OrderStatus.Paid },
        { Channel.Jd, "WAIT_SELLER_DELIVERY", OrderStatus.Paid },
        { Channel.Jd, "WAIT_SEND_CODE", OrderStatus.Paid },
        { Channel.Jd, "POP_ORDER_PAUSE", OrderStatus.OnHold },
        { Channel.Jd, "LOCKED", OrderStatus.OnHold },
        { Channel.Jd, "WAIT_GOODS_RECEIVE_CONFIRM", OrderStatus.Shipped },
        { Channel.Jd, "FINISHED_L", OrderStatus.Completed },
        { Channel.Jd, "TRADE_CANCELED", OrderStatus.Cancelled },
        { Channel.Pdd, "1", OrderStatus.Paid },
        { Channel.Pdd, "2", OrderStatus.Shipped },
        { Channel.Pdd, "3", OrderStatus.Delivered },
        { Channel.Douyin, "1", OrderStatus.PendingPayment },
        { Channel.Douyin, "103", OrderStatus.PendingPayment },
        { Channel.Douyin, "105", OrderStatus.Paid },
        { Channel.Douyin, "2", OrderStatus.Paid },
        { Channel.Douyin, "101", OrderStatus.Shipped },
        { Channel.Douyin, "3", OrderStatus.Shipped },
        { Channel.Douyin, "4", OrderStatus.Cancelled },
        { Channel.Douyin, "5", OrderStatus.Completed },
        { Channel.Douyin, "21", OrderStatus.Refunded },
        { Channel.Douyin, "22", OrderStatus.Refunded },
        { Channel.Douyin, "39", OrderStatus.Refunded },
        { Channel.Meituan, "1", OrderStatus.PendingPayment },
        { Channel.Meituan, "2", OrderStatus.Paid },
        { Channel.Meituan, "3", OrderStatus.Paid },
        { Channel.Meituan, "4", OrderStatus.Paid },
        { Channel.Meituan, "6", OrderStatus.Shipped },
        { Channel.Meituan, "7", OrderStatus.Delivered },
        { Channel.Meituan, "8", OrderStatus.Completed },
        { Channel.Meituan, "9", OrderStatus.Cancelled },
        { Channel.Miniapp, "CREATED", OrderStatus.PendingPayment },
        { Channel.Miniapp, "PAID", OrderStatus.Paid },
        { Channel.Miniapp, "SHIPPED", OrderStatus.Shipped },
        { Channel.Miniapp, "DELIVERED", OrderStatus.Delivered },
        { Channel.Miniapp, "COMPLETED", OrderStatus.Completed },
        { Channel.Miniapp, "CANCELLED", OrderStatus.Cancelled },
        { Channel.Miniapp, "REFUNDING", OrderStatus.Returning },
        { Channel.Miniapp, "REFUNDED", OrderStatus.Refunded },
    };

    /// <summary>The status-change messages the brief names (paid, cancelled, refund requested, shipped, received) per platform.</summary>
    public static TheoryData<Channel, string, PlatformEventKind> StatusChangeMessages => new()
    {
        { Channel.Taobao, "taobao_trade_TradeBuyerPay", PlatformEventKind.Paid },
        { Channel.Taobao, "taobao_trade_TradeClose", PlatformEventKind.Cancelled },
        { Channel.Taobao, "taobao_refund_RefundCreated", PlatformEventKind.RefundRequested },
        { Channel.Taobao, "taobao_trade_TradeSellerShip", PlatformEventKind.Shipped },
        { Channel.Taobao, "taobao_trade_TradeSuccess", PlatformEventKind.Completed },
        { Channel.Jd, "WAIT_SELLER_STOCK_OUT", PlatformEventKind.Paid },
        { Channel.Jd, "TRADE_CANCELED", PlatformEventKind.Cancelled },
        { Channel.Jd, "LOCKED", PlatformEventKind.RefundRequested },
        { Channel.Jd, "WAIT_GOODS_RECEIVE_CONFIRM", PlatformEventKind.Shipped },
        { Channel.Jd, "FINISHED_L", PlatformEventKind.Completed },
        { Channel.Pdd, "pdd_trade_TradeConfirmed", PlatformEventKind.Paid },
        { Channel.Pdd, "pdd_trade_TradeClose", PlatformEventKind.Cancelled },
        { Channel.Pdd, "pdd_refund_RefundCreated", PlatformEventKind.RefundRequested },
        { Channel.Pdd, "pdd_trade_TradeSellerShip", PlatformEventKind.Shipped },
        { Channel.Pdd, "pdd_trade_TradeSuccess", PlatformEventKind.Delivered },
        { Channel.Douyin, "101", PlatformEventKind.Paid },
        { Channel.Douyin, "106", PlatformEventKind.Cancelled },
        { Channel.Douyin, "200", PlatformEventKind.RefundRequested },
        { Channel.Douyin, "102", PlatformEventKind.Shipped },
        { Channel.Douyin, "103", PlatformEventKind.Completed },
        { Channel.Meituan, "status:2", PlatformEventKind.Paid },
        { Channel.Meituan, "cancel", PlatformEventKind.Cancelled },
        { Channel.Meituan, "refund:apply", PlatformEventKind.RefundRequested },
        { Channel.Meituan, "status:6", PlatformEventKind.Shipped },
        { Channel.Meituan, "status:7", PlatformEventKind.Delivered },
        { Channel.Miniapp, "PAID", PlatformEventKind.Paid },
        { Channel.Miniapp, "CANCELLED", PlatformEventKind.Cancelled },
        { Channel.Miniapp, "REFUND_REQUESTED", PlatformEventKind.RefundRequested },
        { Channel.Miniapp, "SHIPPED", PlatformEventKind.Shipped },
        { Channel.Miniapp, "DELIVERED", PlatformEventKind.Delivered },
    };

    [Theory]
    [MemberData(nameof(DocumentedOrderStatuses))]
    public void EveryDocumentedPlatformStatusMapsOntoTheLifecycle(Channel channel, string platformStatus, OrderStatus expected)
    {
        Assert.True(ChannelStatusMap.For(channel).TryMapStatus(platformStatus, out OrderStatus status));
        Assert.Equal(expected, status);
    }

    [Theory]
    [MemberData(nameof(StatusChangeMessages))]
    public void EveryStatusChangeMessageMapsToItsEventKind(Channel channel, string eventType, PlatformEventKind expected)
    {
        Assert.True(ChannelStatusMap.For(channel).TryMapEvent(eventType, out PlatformEventKind kind));
        Assert.Equal(expected, kind);
    }

    [Fact]
    public void EachMapHoldsExactlyTheDocumentedStatusesAndNoStrayOnes()
    {
        ILookup<Channel, string> documented = DocumentedOrderStatuses.Select(row => ((Channel)row[0], (string)row[1])).ToLookup(row => row.Item1, row => row.Item2);

        foreach (Channel channel in Enum.GetValues<Channel>())
        {
            Assert.Equal(documented[channel].Order(), ChannelStatusMap.For(channel).OrderStatuses.Order());
        }
    }

    [Fact]
    public void NoPlatformOrderStatusMapsToAStatusTheHubAssignsItself()
    {
        OrderStatus[] hubOnly = [OrderStatus.Reserved, OrderStatus.Allocated, OrderStatus.InTransit];

        Assert.DoesNotContain(DocumentedOrderStatuses, row => hubOnly.Contains((OrderStatus)row[2]));
        foreach (Channel channel in Enum.GetValues<Channel>())
        {
            ChannelStatusMap map = ChannelStatusMap.For(channel);
            Assert.All(map.OrderStatuses, status => Assert.True(map.TryMapStatus(status, out OrderStatus mapped) && !hubOnly.Contains(mapped)));
        }
    }

    [Fact]
    public void PddRefundStatusOverridesComeFromTheData()
    {
        ChannelStatusMap pdd = ChannelStatusMap.For(Channel.Pdd);

        Assert.True(pdd.TryOverride("refund_status", "4", out OrderStatus refunded));
        Assert.Equal(OrderStatus.Refunded, refunded);
        Assert.False(pdd.TryOverride("refund_status", "1", out _));
    }
}
