using System.Text.Json;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using OrderActors.Connectors.Reading;
using OrderActors.Connectors.StatusMaps;
using OrderActors.Domain.Intake;

namespace OrderActors.Connectors.Miniapp;

/// <summary>
/// The merchant's own WeChat mini-program, whose format we define (docs/connectors.md): camelCase, amounts in fen,
/// times in epoch milliseconds, and the client's own submit time for the clock-skew check.
/// </summary>
public sealed class MiniappConnector : IChannelConnector
{
    private readonly ChannelStatusMap _statuses = ChannelStatusMap.For(Channel.Miniapp);

    public Channel Channel => Channel.Miniapp;

    public ConnectorResult<NormalizedOrder> ParseOrder(JsonElement payload) => ConnectorKit.Run(payload, ReadOrder);

    public ConnectorResult<PlatformEvent> ParseEvent(string externalOrderId, JsonElement payload) =>
        ConnectorKit.Run(payload, message => ConnectorKit.Event(
            _statuses, message, externalOrderId,
            ("orderNo", message.String("orderNo")), ("event", message.String("event")), message.UnixMillis("occurredAt"), message.Note("note")));

    private NormalizedOrder? ReadOrder(PayloadReader order)
    {
        string? orderNo = order.String("orderNo");
        string? status = order.String("status");
        OrderStatus? mapped = ConnectorKit.MapStatus(_statuses, order, "status", status);
        DateTimeOffset? created = order.UnixMillis("createdAt");
        DateTimeOffset? paid = order.UnixMillis("paidAt", required: false);
        DateTimeOffset? submitted = order.UnixMillis("clientSubmittedAt", required: false);
        string? openId = order.Object("buyer")?.String("openId");
        PayloadReader? receiver = order.Object("receiver");
        string? name = receiver?.String("name");
        string? phone = receiver?.String("phone");
        string? province = receiver?.String("province");
        string? city = receiver?.String("city");
        string district = receiver?.String("district", required: false) ?? "";
        string? detail = receiver?.String("detail");
        Money? shipping = order.Fen("shippingFen");
        Money? coupon = order.Fen("couponFen", required: false);
        Money? pay = order.Fen("payFen");
        List<NormalizedOrderLine?> lines = order.Array("items").Select(ReadItem).ToList();

        if (order.Errors.Any)
        {
            return null;
        }
        NormalizedOrderLine[] kept = lines.OfType<NormalizedOrderLine>().ToArray();
        return new NormalizedOrder
        {
            Channel = Channel.Miniapp,
            ExternalOrderId = orderNo!,
            PlatformStatus = status!,
            MappedStatus = mapped!.Value,
            CreatedAt = created!.Value,
            PaidAt = paid,
            ClientSubmittedAt = submitted,
            BuyerId = openId!,
            Receiver = ConnectorKit.Contact(name!, phone!),
            ShippingAddress = new Address(province!, city!, district, detail!),
            BuyerNote = order.Note("remark"),
            SellerNote = order.Note("merchantRemark"),
            Lines = kept,
            GoodsTotal = ConnectorKit.GoodsTotal(kept),
            ShippingFee = shipping!.Value,
            OrderDiscount = coupon!.Value,
            AmountPaid = pay!.Value,
        };
    }

    private static NormalizedOrderLine? ReadItem(PayloadReader item)
    {
        string? skuId = item.String("skuId");
        string? title = item.String("title");
        int? quantity = item.Quantity("quantity");
        Money? price = item.Fen("unitPriceFen");
        Money? discount = item.Fen("discountFen", required: false);
        string? variant = VariantText.FromValues(item.Array("specs", required: false).Select(spec => spec.String("value")));
        if (skuId is null || title is null || quantity is null || price is null || discount is null)
        {
            return null;
        }
        return new NormalizedOrderLine
        {
            PlatformLineId = item.String("lineNo", required: false),
            PlatformSkuId = skuId,
            OuterSkuCode = item.Note("skuCode"),
            Variant = variant,
            Title = title,
            Quantity = quantity.Value,
            UnitPrice = price.Value,
            LineDiscount = discount.Value,
        };
    }
}
