using System.Globalization;
using System.Text.Json.Nodes;
using OrderActors.Abstractions.Orders;
using static OrderActors.LoadTest.Traffic.Payloads.PayloadFormat;

namespace OrderActors.LoadTest.Traffic.Payloads;

/// <summary>京东 POP: orderInfo of jingdong.pop.order.get and order-state messages (see Fixtures/jd).</summary>
public sealed class JdPayloads : IChannelPayloads
{
    public Channel Channel => Channel.Jd;

    public JsonNode Order(OrderPlan plan, DateTimeOffset sentAt)
    {
        PlanReceiver receiver = plan.Receiver;
        MainlandPlace place = receiver.Place;
        long sellerDiscount = plan.LineDiscountsFen + plan.OrderDiscountFen;
        var coupons = new JsonArray();
        foreach (PlanLine line in plan.Lines.Where(line => line.LineDiscountFen > 0))
        {
            coupons.Add(new JsonObject
            {
                ["orderId"] = plan.ExternalOrderId,
                ["skuId"] = line.Sku.PlatformSkuId(Channel.Jd),
                ["couponType"] = "20-单品促销优惠",
                ["couponPrice"] = YuanText(line.LineDiscountFen),
            });
        }
        if (plan.OrderDiscountFen > 0)
        {
            coupons.Add(new JsonObject { ["orderId"] = plan.ExternalOrderId, ["couponType"] = "100-店铺优惠", ["couponPrice"] = YuanText(plan.OrderDiscountFen) });
        }
        string cityPart = place.Province == place.City ? "" : place.City;
        var info = new JsonObject
        {
            ["orderId"] = plan.ExternalOrderId,
            ["venderId"] = "10086",
            ["orderType"] = "22",
            ["payType"] = "4-在线支付",
            ["orderState"] = "WAIT_SELLER_STOCK_OUT",
            ["orderStateRemark"] = "等待出库",
            ["orderStartTime"] = ChinaTime(plan.CreatedAt),
            ["paymentConfirmTime"] = ChinaTime(plan.IntakePaidAt ?? plan.CreatedAt),
            ["modified"] = ChinaTime(sentAt),
            ["pin"] = receiver.BuyerId,
            ["orderTotalPrice"] = YuanText(plan.GoodsFen),
            ["orderSellerPrice"] = YuanText(plan.GoodsFen - sellerDiscount),
            ["freightPrice"] = YuanText(plan.ShippingFen),
            ["sellerDiscount"] = YuanText(sellerDiscount),
            ["orderPayment"] = YuanText(plan.PaidFen),
            ["orderRemark"] = BuyerNote(plan) ?? "",
            ["consigneeInfo"] = new JsonObject
            {
                ["fullname"] = receiver.Name,
                ["telephone"] = "",
                ["mobile"] = receiver.Phone,
                ["province"] = place.ShortProvince,
                ["city"] = place.City,
                ["county"] = place.District,
                ["town"] = "",
                ["fullAddress"] = $"{place.ShortProvince}{cityPart}{place.District}{receiver.StreetDetail}",
            },
            ["itemInfoList"] = new JsonArray(plan.Lines.Select(line => (JsonNode)new JsonObject
            {
                ["skuId"] = line.Sku.PlatformSkuId(Channel.Jd),
                ["outerSkuId"] = line.Sku.Sku,
                ["wareId"] = $"1000{line.Sku.Index / 10:D8}",
                ["skuName"] = line.Sku.Title,
                ["jdPrice"] = YuanText(line.Sku.UnitPriceFen),
                ["itemTotal"] = line.Quantity.ToString(CultureInfo.InvariantCulture),
                ["giftPoint"] = "0",
            }).ToArray()),
            ["couponDetailList"] = coupons,
        };
        return new JsonObject
        {
            ["jingdong_pop_order_get_responce"] = new JsonObject
            {
                ["code"] = "0",
                ["orderDetailInfo"] = new JsonObject { ["orderInfo"] = info },
            },
        };
    }

    /// <summary>JD hands over paid orders only; a paid message is the move to WAIT_SELLER_STOCK_OUT.</summary>
    public JsonNode Paid(OrderPlan plan, DateTimeOffset at) => Message(plan, "WAIT_SELLER_STOCK_OUT", at);

    public JsonNode Cancelled(OrderPlan plan, DateTimeOffset at) => Message(plan, "TRADE_CANCELED", at);

    private static JsonObject Message(OrderPlan plan, string state, DateTimeOffset at) => new()
    {
        ["orderId"] = plan.ExternalOrderId,
        ["orderState"] = state,
        ["modified"] = ChinaTime(at),
    };
}
