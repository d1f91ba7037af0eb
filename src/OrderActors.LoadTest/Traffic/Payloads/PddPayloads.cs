using System.Globalization;
using System.Text.Json.Nodes;
using OrderActors.Abstractions.Orders;
using static OrderActors.LoadTest.Traffic.Payloads.PayloadFormat;

namespace OrderActors.LoadTest.Traffic.Payloads;

/// <summary>拼多多: order_info of pdd.order.information.get and push messages (see Fixtures/pdd).</summary>
public sealed class PddPayloads : IChannelPayloads
{
    public Channel Channel => Channel.Pdd;

    public JsonNode Order(OrderPlan plan, DateTimeOffset sentAt)
    {
        PlanReceiver receiver = plan.Receiver;
        MainlandPlace place = receiver.Place;
        string paidAt = ChinaTime(plan.IntakePaidAt ?? plan.CreatedAt);
        var info = new JsonObject
        {
            ["order_sn"] = plan.ExternalOrderId,
            ["order_status"] = 1,
            ["refund_status"] = 1,
            ["confirm_status"] = 1,
            ["group_status"] = 1,
            ["trade_type"] = 0,
            ["created_time"] = ChinaTime(plan.CreatedAt),
            ["confirm_time"] = paidAt,
            ["pay_time"] = paidAt,
            ["receiver_name"] = receiver.Name,
            ["receiver_phone"] = receiver.Phone,
            ["country"] = "中国",
            ["province"] = place.Province,
            ["city"] = place.City,
            ["town"] = place.District,
            ["receiver_address"] = receiver.StreetDetail,
            ["address"] = place.Divisions + receiver.StreetDetail,
            ["buyer_memo"] = BuyerNote(plan) ?? "",
            ["remark"] = "",
            ["goods_amount"] = YuanNumber(plan.GoodsFen),
            ["discount_amount"] = YuanNumber(plan.OrderDiscountFen),
            ["seller_discount"] = YuanNumber(plan.OrderDiscountFen),
            ["platform_discount"] = 0,
            ["capital_free_discount"] = 0,
            ["postage"] = YuanNumber(plan.ShippingFen),
            ["pay_amount"] = YuanNumber(plan.PaidFen),
            ["pay_type"] = plan.Sequence % 3 == 0 ? "ALIPAY" : "WEIXIN",
            ["item_list"] = new JsonArray(plan.Lines.Select(line => (JsonNode)new JsonObject
            {
                ["goods_id"] = 423_000_000 + line.Sku.Index / 10,
                ["sku_id"] = long.Parse(line.Sku.PlatformSkuId(Channel.Pdd), CultureInfo.InvariantCulture),
                ["outer_id"] = line.Sku.Sku,
                ["outer_goods_id"] = line.Sku.Sku.Split('-')[0],
                ["goods_name"] = line.Sku.Title,
                ["goods_spec"] = string.Join(',', line.Sku.Variant.Select(part => part.Value)),
                ["goods_price"] = YuanNumber(line.Sku.UnitPriceFen),
                ["goods_count"] = line.Quantity,
            }).ToArray()),
        };
        return new JsonObject { ["order_info_get_response"] = new JsonObject { ["order_info"] = info } };
    }

    /// <summary>PDD hands over paid orders only; its payment confirmation is pdd_trade_TradeConfirmed.</summary>
    public JsonNode Paid(OrderPlan plan, DateTimeOffset at) => Message(plan, "pdd_trade_TradeConfirmed", at);

    public JsonNode Cancelled(OrderPlan plan, DateTimeOffset at) => Message(plan, "pdd_trade_TradeClose", at);

    private static JsonObject Message(OrderPlan plan, string type, DateTimeOffset at) => new()
    {
        ["type"] = type,
        ["content"] = new JsonObject { ["tid"] = plan.ExternalOrderId }.ToJsonString(),
        ["timestamp"] = UnixSeconds(at),
    };
}
