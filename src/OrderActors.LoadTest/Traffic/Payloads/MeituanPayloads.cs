using System.Globalization;
using System.Text.Json.Nodes;
using OrderActors.Abstractions.Orders;
using static OrderActors.LoadTest.Traffic.Payloads.PayloadFormat;

namespace OrderActors.LoadTest.Traffic.Payloads;

/// <summary>
/// 美团闪购: the order detail (numeric yuan, the address on one line after "@#", items as JSON text) and pushes
/// (see Fixtures/meituan). original_price is goods plus delivery; total is what the buyer paid.
/// </summary>
public sealed class MeituanPayloads : IChannelPayloads
{
    public Channel Channel => Channel.Meituan;

    public JsonNode Order(OrderPlan plan, DateTimeOffset sentAt)
    {
        PlanReceiver receiver = plan.Receiver;
        MainlandPlace place = receiver.Place;
        var items = new JsonArray(plan.Lines.Select(line => (JsonNode)new JsonObject
        {
            ["app_food_code"] = line.Sku.Sku,
            ["food_name"] = line.Sku.Title,
            ["sku_id"] = line.Sku.PlatformSkuId(Channel.Meituan),
            ["quantity"] = line.Quantity,
            ["price"] = YuanNumber(line.Sku.UnitPriceFen),
            ["box_num"] = 0,
            ["box_price"] = 0,
            ["unit"] = "件",
            ["food_discount"] = 1,
            ["spec"] = line.Sku.VariantText,
        }).ToArray());
        var data = new JsonObject
        {
            ["order_id"] = long.Parse(plan.ExternalOrderId, CultureInfo.InvariantCulture),
            ["wm_order_id_view"] = plan.ExternalOrderId,
            ["app_poi_code"] = "mj_hz_001",
            ["wm_poi_name"] = "木森家居(西湖店)",
            ["status"] = plan.PaidAtIntake ? 2 : 1,
            ["ctime"] = UnixSeconds(plan.CreatedAt),
            ["utime"] = UnixSeconds(sentAt),
            ["pay_type"] = 2,
            ["user_id"] = long.Parse(receiver.BuyerId, CultureInfo.InvariantCulture),
            ["recipient_name"] = receiver.Name,
            ["recipient_phone"] = receiver.Phone,
            ["recipient_address"] = $"{receiver.StreetDetail}@#{place.Divisions}{receiver.StreetDetail}",
            ["latitude"] = Math.Round(place.Latitude + Jitter(plan, 1), 6),
            ["longitude"] = Math.Round(place.Longitude + Jitter(plan, 2), 6),
            ["shipping_fee"] = YuanNumber(plan.ShippingFen),
            ["total"] = YuanNumber(plan.PaidFen),
            ["original_price"] = YuanNumber(plan.GoodsFen + plan.ShippingFen),
            ["caution"] = BuyerNote(plan) ?? "",
            ["day_seq"] = plan.Sequence % 500 + 1,
            ["detail"] = items.ToJsonString(),
        };
        if (plan.OrderDiscountFen > 0)
        {
            data["extras"] = new JsonArray(new JsonObject
            {
                ["reduce_fee"] = YuanNumber(plan.OrderDiscountFen),
                ["poi_charge"] = YuanNumber(plan.OrderDiscountFen),
                ["mt_charge"] = 0,
                ["remark"] = $"满减优惠{YuanText(plan.OrderDiscountFen)}元",
                ["type"] = 2,
            }).ToJsonString();
        }
        return new JsonObject { ["data"] = data };
    }

    /// <summary>Status 2 is "paid, waiting for the shop to confirm".</summary>
    public JsonNode Paid(OrderPlan plan, DateTimeOffset at) => new JsonObject
    {
        ["order_id"] = long.Parse(plan.ExternalOrderId, CultureInfo.InvariantCulture),
        ["status"] = 2,
        ["timestamp"] = UnixSeconds(at),
    };

    public JsonNode Cancelled(OrderPlan plan, DateTimeOffset at) => new JsonObject
    {
        ["order_id"] = long.Parse(plan.ExternalOrderId, CultureInfo.InvariantCulture),
        ["reason_code"] = 1002,
        ["reason"] = "用户取消",
        ["timestamp"] = UnixSeconds(at),
    };

    /// <summary>Spreads buyers over about ±2 km of the district centre, the same way for the same order.</summary>
    private static double Jitter(OrderPlan plan, int axis) => ((plan.Sequence * (axis == 1 ? 7 : 13)) % 41 - 20) / 1000.0;
}
