using System.Globalization;
using System.Text.Json.Nodes;
using OrderActors.Abstractions.Orders;
using static OrderActors.LoadTest.Traffic.Payloads.PayloadFormat;

namespace OrderActors.LoadTest.Traffic.Payloads;

/// <summary>
/// 抖店: shop_order_detail of order.orderDetail (fen, unix seconds) and push messages (see Fixtures/douyin). One
/// order in three carries only the masked and encrypted receiver fields, as Douyin sends for most shops today.
/// </summary>
public sealed class DouyinPayloads : IChannelPayloads
{
    private const long ShopId = 1234567;

    public Channel Channel => Channel.Douyin;

    public JsonNode Order(OrderPlan plan, DateTimeOffset sentAt)
    {
        PlanReceiver receiver = plan.Receiver;
        MainlandPlace place = receiver.Place;
        var detail = new JsonObject
        {
            ["order_id"] = plan.ExternalOrderId,
            ["order_level"] = 2,
            ["order_status"] = plan.PaidAtIntake ? 2 : 1,
            ["order_status_desc"] = plan.PaidAtIntake ? "备货中" : "待支付",
            ["main_status"] = plan.PaidAtIntake ? 2 : 1,
            ["create_time"] = UnixSeconds(plan.CreatedAt),
            ["pay_time"] = plan.IntakePaidAt is { } paidAt ? UnixSeconds(paidAt) : 0,
            ["update_time"] = UnixSeconds(sentAt),
            ["doudian_open_id"] = receiver.BuyerId,
            ["mask_post_receiver"] = MaskName(receiver.Name),
            ["mask_post_tel"] = $"{receiver.Phone[0]}********{receiver.Phone[^2..]}",
            ["encrypt_post_tel"] = $"${Convert.ToBase64String(BitConverter.GetBytes(plan.Sequence * 7919))}*CgkIARCtHCABKAESPgo8$1$$",
            ["post_addr"] = new JsonObject
            {
                ["province"] = Division(place.Province, place.DistrictCode[..2]),
                ["city"] = Division(place.City, place.DistrictCode[..4] + "00"),
                ["town"] = Division(place.District, place.DistrictCode),
                ["detail"] = receiver.StreetDetail,
            },
            ["order_amount"] = plan.PaidFen,
            ["post_amount"] = plan.ShippingFen,
            ["promotion_amount"] = plan.OrderDiscountFen,
            ["promotion_shop_amount"] = plan.OrderDiscountFen,
            ["promotion_platform_amount"] = 0,
            ["pay_amount"] = plan.PaidFen,
            ["buyer_words"] = BuyerNote(plan) ?? "",
            ["seller_words"] = "",
            ["sku_order_list"] = new JsonArray(plan.Lines.Select((line, i) => (JsonNode)Line(plan, line, i)).ToArray()),
        };
        if (plan.Sequence % 3 != 0)
        {
            detail["post_receiver"] = receiver.Name;
            detail["post_tel"] = receiver.Phone;
        }
        return new JsonObject { ["code"] = 10000, ["msg"] = "success", ["data"] = new JsonObject { ["shop_order_detail"] = detail } };
    }

    public JsonNode Paid(OrderPlan plan, DateTimeOffset at) => Push(plan, "101", at, new JsonObject
    {
        ["p_id"] = long.Parse(plan.ExternalOrderId, CultureInfo.InvariantCulture),
        ["s_ids"] = SkuOrderIds(plan),
        ["shop_id"] = ShopId,
        ["order_status"] = 105,
        ["order_type"] = 0,
        ["pay_type"] = 1,
        ["pay_time"] = UnixSeconds(at),
        ["pay_amount"] = plan.PaidFen,
        ["biz"] = 2,
    });

    public JsonNode Cancelled(OrderPlan plan, DateTimeOffset at) => Push(plan, "106", at, new JsonObject
    {
        ["p_id"] = long.Parse(plan.ExternalOrderId, CultureInfo.InvariantCulture),
        ["s_ids"] = SkuOrderIds(plan),
        ["shop_id"] = ShopId,
        ["order_status"] = 4,
        ["cancel_time"] = UnixSeconds(at),
        ["cancel_reason"] = "不想要了",
        ["biz"] = 2,
    });

    private static JsonObject Line(OrderPlan plan, PlanLine line, int index) => new()
    {
        ["order_id"] = LineId("70", plan, index).ToString(CultureInfo.InvariantCulture),
        ["parent_order_id"] = plan.ExternalOrderId,
        ["sku_id"] = long.Parse(line.Sku.PlatformSkuId(Channel.Douyin), CultureInfo.InvariantCulture),
        ["out_sku_id"] = line.Sku.Sku,
        ["code"] = line.Sku.Sku,
        ["product_id"] = 3_600_000_000_000 + line.Sku.Index / 10,
        ["product_name"] = line.Sku.Title,
        ["spec"] = new JsonArray(line.Sku.Variant.Select(part => (JsonNode)new JsonObject { ["name"] = part.Name, ["value"] = part.Value }).ToArray()),
        ["item_num"] = line.Quantity,
        ["origin_amount"] = line.Sku.UnitPriceFen,
        ["sum_amount"] = line.GoodsFen,
    };

    private static JsonArray SkuOrderIds(OrderPlan plan) =>
        new(plan.Lines.Select((_, i) => (JsonNode)LineId("70", plan, i)).ToArray());

    private static JsonObject Division(string name, string id) => new() { ["name"] = name, ["id"] = id };

    private static string MaskName(string name) => name[0] + new string('*', Math.Max(1, name.Length - 1));

    private static JsonArray Push(OrderPlan plan, string tag, DateTimeOffset at, JsonObject data) =>
    [
        new JsonObject
        {
            ["tag"] = tag,
            ["msg_id"] = $"{plan.ExternalOrderId}:0:{tag}:{UnixSeconds(at)}:{ShopId}:0",
            ["data"] = data.ToJsonString(),
        },
    ];
}
