using System.Text.Json;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
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

    public ConnectorResult<NormalizedOrder> ParseOrder(JsonElement payload) =>
        ConnectorKit.Run(payload, root => ReadTrade(root.Unwrap("trade_fullinfo_get_response", "trade")));

    public ConnectorResult<PlatformEvent> ParseEvent(string externalOrderId, JsonElement payload) =>
        ConnectorKit.Run(payload, message =>
        {
            string? topic = message.String("topic");
            PayloadReader? content = message.EmbeddedJson("content");
            DateTimeOffset? at = message.ChinaTime("pub_time");
            string? tid = content?.String("tid");
            return ConnectorKit.Event(_statuses, message, externalOrderId, ("content.tid", tid), ("topic", topic), at, content?.Note("status"));
        });

    private NormalizedOrder? ReadTrade(PayloadReader trade)
    {
        string? tid = trade.String("tid");
        string? status = trade.String("status");
        OrderStatus? mapped = ConnectorKit.MapStatus(_statuses, trade, "status", status);
        DateTimeOffset? created = trade.ChinaTime("created");
        DateTimeOffset? paid = trade.ChinaTime("pay_time", required: false);
        string? buyer = trade.Has("buyer_open_uid") ? trade.String("buyer_open_uid") : trade.String("buyer_nick");
        string? name = trade.String("receiver_name");
        string? phone = trade.Has("receiver_mobile") ? trade.String("receiver_mobile") : trade.String("receiver_phone");
        string? province = trade.String("receiver_state");
        string? city = trade.String("receiver_city");
        string district = trade.String("receiver_district", required: false) ?? "";
        string? detail = trade.String("receiver_address");
        Money? shipping = trade.Yuan("post_fee");
        Money? discount = trade.Yuan("discount_fee", required: false);
        Money? payment = trade.Yuan("payment");
        PayloadReader? orders = trade.Object("orders");
        List<NormalizedOrderLine?> lines = (orders?.Array("order") ?? []).Select(ReadLine).ToList();

        if (trade.Errors.Any)
        {
            return null;
        }
        NormalizedOrderLine[] kept = lines.OfType<NormalizedOrderLine>().ToArray();
        return new NormalizedOrder
        {
            Channel = Channel.Taobao,
            ExternalOrderId = tid!,
            PlatformStatus = status!,
            MappedStatus = mapped!.Value,
            CreatedAt = created!.Value,
            PaidAt = paid,
            BuyerId = buyer!,
            Receiver = ConnectorKit.Contact(name!, phone!),
            ShippingAddress = new Address(province!, city!, district, detail!),
            BuyerNote = trade.Note("buyer_message"),
            SellerNote = trade.Note("seller_memo"),
            Lines = kept,
            GoodsTotal = ConnectorKit.GoodsTotal(kept),
            ShippingFee = shipping!.Value,
            OrderDiscount = discount!.Value,
            AmountPaid = payment!.Value,
        };
    }

    private static NormalizedOrderLine? ReadLine(PayloadReader order)
    {
        string? oid = order.String("oid");
        string? skuId = order.String("sku_id", required: false);
        string? itemId = string.IsNullOrWhiteSpace(skuId) ? order.String("num_iid") : skuId;
        string? title = order.String("title");
        Money? price = order.Yuan("price");
        int? quantity = order.Quantity("num");
        Money? discount = order.Yuan("discount_fee", required: false);
        Money? adjust = order.Yuan("adjust_fee", required: false, allowNegative: true);
        if (itemId is null || title is null || price is null || quantity is null || discount is null || adjust is null)
        {
            return null;
        }
        return new NormalizedOrderLine
        {
            PlatformLineId = oid,
            PlatformSkuId = itemId,
            OuterSkuCode = order.Note("outer_sku_id"),
            Variant = VariantText.Canonical(order.Note("sku_properties_name")),
            Title = title,
            Quantity = quantity.Value,
            UnitPrice = price.Value,
            LineDiscount = discount.Value - adjust.Value,
        };
    }
}
