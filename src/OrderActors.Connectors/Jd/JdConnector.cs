using System.Text.Json;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using OrderActors.Connectors.Mapping;
using OrderActors.Connectors.Reading;
using OrderActors.Connectors.StatusMaps;
using OrderActors.Domain.Addresses;

namespace OrderActors.Connectors.Jd;

/// <summary>
/// 京东 POP: reads orderInfo of jingdong.pop.order.get (camelCase fields, yuan strings, China time) and order-state
/// messages shaped { orderId, orderState, modified }.
/// </summary>
public sealed class JdConnector(DivisionCatalog divisions) : IChannelConnector
{
    private readonly ChannelStatusMap _statuses = ChannelStatusMap.For(Channel.Jd);
    private readonly DivisionCatalog _divisions = divisions;

    public Channel Channel => Channel.Jd;

    public ConnectorResult<NormalizedOrder> ParseOrder(JsonElement payload, DateTimeOffset? receivedAt = null) =>
        ConnectorKit.Order(payload, root => ReadOrder(root.Unwrap("jingdong_pop_order_get_responce", "orderDetailInfo", "orderInfo"))
            .Build(receivedAt ?? TimeProvider.System.GetUtcNow()));

    public ConnectorResult<PlatformEvent> ParseEvent(string externalOrderId, JsonElement payload) =>
        ConnectorKit.Event(payload, message => ConnectorKit.Event(
            _statuses, message, externalOrderId,
            ("orderId", message.String("orderId")), ("orderState", message.String("orderState")), message.ChinaTime("modified")));

    private OrderDraft ReadOrder(PayloadReader order)
    {
        PayloadReader? consignee = order.EmbeddedJson("consigneeInfo");
        Money? sellerDiscount = order.Yuan("sellerDiscount", required: false);
        Dictionary<string, Money> skuCoupons = ReadSkuCoupons(order);
        Money couponsOnLines = skuCoupons.Values.Aggregate(Money.Zero, (sum, coupon) => sum + coupon);
        if (sellerDiscount is { } total && couponsOnLines > total)
        {
            order.Fail("couponDetailList", $"per-SKU coupons {couponsOnLines} exceed sellerDiscount {total}", HoldCodes.AbnormalAmount);
        }
        string? fullAddress = consignee?.Note("fullAddress");
        return new OrderDraft(Channel.Jd, order)
        {
            ExternalOrderId = order.Id("orderId"),
            Status = ("orderState", order.String("orderState", required: false)),
            CreatedAt = order.ChinaTime("orderStartTime"),
            PaidAt = order.ChinaTime("paymentConfirmTime", required: false),
            BuyerId = order.Note("pin"),
            ReceiverName = consignee?.Note("fullname"),
            ReceiverPhone = consignee?.Note("mobile") ?? consignee?.Note("telephone"),
            Province = consignee?.Note("province"),
            City = consignee?.Note("city"),
            District = consignee?.Note("county"),
            Detail = fullAddress is null ? null : AddressText.DetailOf(_divisions, fullAddress),
            BuyerNote = order.Note("orderRemark"),
            SellerNote = order.Note("venderRemark"),
            Lines = order.Lines("itemInfoList").Select(item => ReadLine(item, skuCoupons)).ToArray(),
            ShippingFee = order.Yuan("freightPrice"),
            OrderDiscount = sellerDiscount is { } discount ? discount - couponsOnLines : null,
            AmountPaid = order.Yuan("orderPayment"),
        };
    }

    /// <summary>
    /// Coupons JD attributes to one SKU; those without a skuId are order-level and already in sellerDiscount. An entry
    /// of another shape (no readable couponPrice, not an object) is an <c>unknown_coupon</c> finding.
    /// </summary>
    private static Dictionary<string, Money> ReadSkuCoupons(PayloadReader order)
    {
        var coupons = new Dictionary<string, Money>(StringComparer.Ordinal);
        PayloadReader? list = order.EmbeddedJson("couponDetailList", required: false);
        foreach (PayloadReader coupon in list?.AsArray(required: false) ?? [])
        {
            if (!coupon.IsObject || !coupon.Has("couponPrice"))
            {
                coupon.FailHere("a coupon entry without a couponPrice: the discount it gives is not known", HoldCodes.UnknownCoupon);
                continue;
            }
            Money? amount = coupon.Yuan("couponPrice");
            if (coupon.Note("skuId") is { } skuId && amount is { } price)
            {
                coupons[skuId] = coupons.GetValueOrDefault(skuId) + price;
            }
        }
        return coupons;
    }

    private static LineDraft ReadLine(PayloadReader item, Dictionary<string, Money> skuCoupons)
    {
        string? skuId = item.Note("skuId");
        return new LineDraft(item, "skuId")
        {
            PlatformSkuId = skuId,
            OuterSkuCode = item.Note("outerSkuId"),
            Title = item.String("skuName"),
            Quantity = item.Quantity("itemTotal"),
            UnitPrice = item.Yuan("jdPrice"),
            LineDiscount = skuId is null ? null : skuCoupons.GetValueOrDefault(skuId),
        };
    }
}
