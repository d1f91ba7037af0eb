using System.Text.Json;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using OrderActors.Connectors.Mapping;
using OrderActors.Connectors.Reading;
using OrderActors.Connectors.StatusMaps;
using OrderActors.Domain.Intake;

namespace OrderActors.Connectors.Taobao;

/// <summary>
/// 淘宝 / 天猫: reads the trade of taobao.trade.fullinfo.get (yuan strings, China-time "yyyy-MM-dd HH:mm:ss")
/// and TMC messages (topic + JSON-text content).
/// </summary>
public sealed class TaobaoConnector : IChannelConnector
{
    private readonly ChannelStatusMap _statuses = ChannelStatusMap.For(Channel.Taobao);

    public Channel Channel => Channel.Taobao;

    public ConnectorResult<NormalizedOrder> ParseOrder(JsonElement payload, DateTimeOffset? receivedAt = null) =>
        ConnectorKit.Order(payload, root => ReadTrade(root.Unwrap("trade_fullinfo_get_response", "trade"))
            .Build(receivedAt ?? TimeProvider.System.GetUtcNow()));

    public ConnectorResult<PlatformEvent> ParseEvent(string externalOrderId, JsonElement payload) =>
        ConnectorKit.Event(payload, message =>
        {
            string? topic = message.String("topic");
            PayloadReader? content = message.EmbeddedJson("content");
            DateTimeOffset? at = message.ChinaTime("pub_time");
            string? tid = content?.String("tid");
            return ConnectorKit.Event(_statuses, message, externalOrderId, ("content.tid", tid), ("topic", topic), at, content?.Note("status"));
        });

    private static OrderDraft ReadTrade(PayloadReader trade)
    {
        PayloadReader? orders = trade.Has("orders") && !trade.IsArray("orders") ? trade.Object("orders") : null;
        return new OrderDraft(Channel.Taobao, trade)
        {
            ExternalOrderId = trade.Id("tid"),
            Status = ("status", trade.String("status", required: false)),
            CreatedAt = trade.ChinaTime("created"),
            PaidAt = trade.ChinaTime("pay_time", required: false),
            BuyerId = trade.Note("buyer_open_uid") ?? trade.Note("buyer_nick"),
            ReceiverName = trade.Note("receiver_name"),
            ReceiverPhone = trade.Note("receiver_mobile") ?? trade.Note("receiver_phone"),
            ReceiverEncrypted = new[] { "receiver_name", "receiver_mobile", "receiver_address" }
                .Any(field => trade.Note(field) is { } text && Receiving.LooksEncrypted(text)),
            Province = trade.Note("receiver_state"),
            City = trade.Note("receiver_city"),
            District = trade.Note("receiver_district"),
            Detail = trade.Note("receiver_address"),
            BuyerNote = trade.Note("buyer_message"),
            SellerNote = trade.Note("seller_memo"),
            Lines = (orders?.Lines("order") ?? trade.Lines("orders")).Select(ReadLine).ToArray(),
            ShippingFee = trade.Yuan("post_fee"),
            OrderDiscount = trade.Yuan("discount_fee", required: false),
            AmountPaid = trade.Yuan("payment"),
        };
    }

    /// <summary>An item without SKUs has no sku_id: its num_iid is the platform SKU then.</summary>
    private static LineDraft ReadLine(PayloadReader order)
    {
        Money? discount = order.Yuan("discount_fee", required: false);
        Money? adjust = order.Yuan("adjust_fee", required: false, allowNegative: true);
        return new LineDraft(order, "sku_id")
        {
            PlatformLineId = order.Note("oid"),
            PlatformSkuId = order.Note("sku_id") ?? order.Note("num_iid"),
            OuterSkuCode = order.Note("outer_sku_id"),
            Variant = VariantText.Canonical(order.Note("sku_properties_name")),
            Title = order.String("title"),
            Quantity = order.Quantity("num"),
            UnitPrice = order.Yuan("price"),
            LineDiscount = discount is { } d && adjust is { } a ? d - a : null,
        };
    }
}
