using System.Text.Json;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
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

    public ConnectorResult<NormalizedOrder> ParseOrder(JsonElement payload) =>
        ConnectorKit.Run(payload, root => ReadOrder(root.Unwrap("jingdong_pop_order_get_responce", "orderDetailInfo", "orderInfo")));

    public ConnectorResult<PlatformEvent> ParseEvent(string externalOrderId, JsonElement payload) =>
        ConnectorKit.Run(payload, message => ConnectorKit.Event(
            _statuses, message, externalOrderId,
            ("orderId", message.String("orderId")), ("orderState", message.String("orderState")), message.ChinaTime("modified")));

    private NormalizedOrder? ReadOrder(PayloadReader order)
    {
        string? orderId = order.String("orderId");
        string? state = order.String("orderState");
        OrderStatus? mapped = ConnectorKit.MapStatus(_statuses, order, "orderState", state);
        DateTimeOffset? created = order.ChinaTime("orderStartTime");
        DateTimeOffset? paid = order.ChinaTime("paymentConfirmTime", required: false);
        string? pin = order.String("pin");
        PayloadReader? consignee = order.Object("consigneeInfo");
        string? name = consignee?.String("fullname");
        string? phone = consignee is null ? null : consignee.Has("mobile") ? consignee.String("mobile") : consignee.String("telephone");
        string? province = consignee?.String("province");
        string? city = consignee?.String("city");
        string county = consignee?.String("county", required: false) ?? "";
        string? fullAddress = consignee?.String("fullAddress");
        Money? freight = order.Yuan("freightPrice");
        Money? sellerDiscount = order.Yuan("sellerDiscount", required: false);
        Money? payment = order.Yuan("orderPayment");
        Dictionary<string, Money> skuCoupons = ReadSkuCoupons(order);
        List<NormalizedOrderLine?> lines = order.Array("itemInfoList").Select(item => ReadLine(item, skuCoupons)).ToList();

        Money couponsOnLines = skuCoupons.Values.Aggregate(Money.Zero, (sum, coupon) => sum + coupon);
        if (sellerDiscount is { } total && couponsOnLines > total)
        {
            order.Fail("couponDetailList", $"per-SKU coupons {couponsOnLines} exceed sellerDiscount {total}");
        }
        if (order.Errors.Any)
        {
            return null;
        }
        NormalizedOrderLine[] kept = lines.OfType<NormalizedOrderLine>().ToArray();
        return new NormalizedOrder
        {
            Channel = Channel.Jd,
            ExternalOrderId = orderId!,
            PlatformStatus = state!,
            MappedStatus = mapped!.Value,
            CreatedAt = created!.Value,
            PaidAt = paid,
            BuyerId = pin!,
            Receiver = ConnectorKit.Contact(name!, phone!),
            ShippingAddress = new Address(province!, city!, county, AddressText.DetailOf(_divisions, fullAddress!)),
            BuyerNote = order.Note("orderRemark"),
            SellerNote = order.Note("venderRemark"),
            Lines = kept,
            GoodsTotal = ConnectorKit.GoodsTotal(kept),
            ShippingFee = freight!.Value,
            OrderDiscount = sellerDiscount!.Value - couponsOnLines,
            AmountPaid = payment!.Value,
        };
    }

    /// <summary>Coupons JD attributes to one SKU; those without a skuId are order-level and already in sellerDiscount.</summary>
    private static Dictionary<string, Money> ReadSkuCoupons(PayloadReader order)
    {
        var coupons = new Dictionary<string, Money>(StringComparer.Ordinal);
        foreach (PayloadReader coupon in order.Array("couponDetailList", required: false))
        {
            string? skuId = coupon.String("skuId", required: false);
            Money? price = coupon.Yuan("couponPrice");
            if (!string.IsNullOrWhiteSpace(skuId) && price is { } amount)
            {
                coupons[skuId] = coupons.GetValueOrDefault(skuId) + amount;
            }
        }
        return coupons;
    }

    private static NormalizedOrderLine? ReadLine(PayloadReader item, Dictionary<string, Money> skuCoupons)
    {
        string? skuId = item.String("skuId");
        string? title = item.String("skuName");
        Money? price = item.Yuan("jdPrice");
        int? quantity = item.Quantity("itemTotal");
        if (skuId is null || title is null || price is null || quantity is null)
        {
            return null;
        }
        return new NormalizedOrderLine
        {
            PlatformSkuId = skuId,
            OuterSkuCode = item.Note("outerSkuId"),
            Title = title,
            Quantity = quantity.Value,
            UnitPrice = price.Value,
            LineDiscount = skuCoupons.GetValueOrDefault(skuId),
        };
    }
}
