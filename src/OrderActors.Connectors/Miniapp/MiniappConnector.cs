using System.Text.Json;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using OrderActors.Connectors.Mapping;
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

    public ConnectorResult<NormalizedOrder> ParseOrder(JsonElement payload, DateTimeOffset? receivedAt = null) =>
        ConnectorKit.Order(payload, root => ReadOrder(root).Build(receivedAt ?? TimeProvider.System.GetUtcNow()));

    public ConnectorResult<PlatformEvent> ParseEvent(string externalOrderId, JsonElement payload) =>
        ConnectorKit.Event(payload, message => ConnectorKit.Event(
            _statuses, message, externalOrderId,
            ("orderNo", message.String("orderNo")), ("event", message.String("event")), message.UnixMillis("occurredAt"), message.Note("note")));

    private static OrderDraft ReadOrder(PayloadReader order)
    {
        PayloadReader? receiver = order.Object("receiver");
        return new OrderDraft(Channel.Miniapp, order)
        {
            ExternalOrderId = order.Id("orderNo"),
            Status = ("status", order.String("status", required: false)),
            CreatedAt = order.UnixMillis("createdAt"),
            PaidAt = order.UnixMillis("paidAt", required: false),
            ClientSubmittedAt = order.UnixMillis("clientSubmittedAt", required: false),
            BuyerId = order.Object("buyer", required: false)?.Note("openId"),
            ReceiverName = receiver?.Note("name"),
            ReceiverPhone = receiver?.Note("phone"),
            Province = receiver?.Note("province"),
            City = receiver?.Note("city"),
            District = receiver?.Note("district"),
            Detail = receiver?.Note("detail"),
            BuyerNote = order.Note("remark"),
            SellerNote = order.Note("merchantRemark"),
            Lines = order.Lines("items").Select(ReadItem).ToArray(),
            ShippingFee = order.Fen("shippingFen"),
            OrderDiscount = order.Fen("couponFen", required: false),
            AmountPaid = order.Fen("payFen"),
            Promotions = order.Array("coupons", required: false).Select(ReadCoupon).OfType<OrderPromotion>().ToArray(),
        };
    }

    /// <summary>A coupon or 满减 inside couponFen: <c>{ "name", "thresholdFen", "discountFen" }</c> (threshold 0: none).</summary>
    private static OrderPromotion? ReadCoupon(PayloadReader coupon) =>
        coupon.String("name") is { } name && coupon.Fen("discountFen") is { } discount
            ? new OrderPromotion(name, coupon.Fen("thresholdFen", required: false) ?? Money.Zero, discount)
            : null;

    /// <summary>A gift line: <c>"gift": { "valueFen", "forSkuIds": [...] }</c> (no forSkuIds: it came with the whole order).</summary>
    private static GiftTerms? ReadGift(PayloadReader item) =>
        item.Object("gift", required: false) is { } gift && gift.Fen("valueFen") is { } value
            ? new GiftTerms(value, gift.Strings("forSkuIds"))
            : null;

    private static LineDraft ReadItem(PayloadReader item) => new(item, "skuId")
    {
        PlatformLineId = item.Note("lineNo"),
        PlatformSkuId = item.Note("skuId"),
        OuterSkuCode = item.Note("skuCode"),
        Variant = VariantText.FromValues(item.Array("specs", required: false).Select(spec => spec.String("value"))),
        Title = item.String("title"),
        Quantity = item.Quantity("quantity"),
        UnitPrice = item.Fen("unitPriceFen"),
        LineDiscount = item.Fen("discountFen", required: false),
        Gift = ReadGift(item),
    };
}
