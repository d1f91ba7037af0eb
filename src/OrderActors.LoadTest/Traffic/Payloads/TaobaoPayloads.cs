using System.Globalization;
using System.Text.Json.Nodes;
using OrderActors.Abstractions.Orders;
using static OrderActors.LoadTest.Traffic.Payloads.PayloadFormat;

namespace OrderActors.LoadTest.Traffic.Payloads;

/// <summary>淘宝 / 天猫: the trade of taobao.trade.fullinfo.get and TMC messages (see Fixtures/taobao).</summary>
public sealed class TaobaoPayloads : IChannelPayloads
{
    public Channel Channel => Channel.Taobao;

    public JsonNode Order(OrderPlan plan, DateTimeOffset sentAt)
    {
        PlanReceiver receiver = plan.Receiver;
        var trade = new JsonObject
        {
            ["tid"] = long.Parse(plan.ExternalOrderId, CultureInfo.InvariantCulture),
            ["status"] = plan.PaidAtIntake ? "WAIT_SELLER_SEND_GOODS" : "WAIT_BUYER_PAY",
            ["type"] = "fixed",
            ["created"] = ChinaTime(plan.CreatedAt),
            ["buyer_nick"] = $"{receiver.BuyerId[3]}**{receiver.BuyerId[^1]}",
            ["buyer_open_uid"] = receiver.BuyerId,
            ["receiver_name"] = receiver.Name,
            ["receiver_mobile"] = receiver.Phone,
            ["receiver_state"] = receiver.Place.Province,
            ["receiver_city"] = receiver.Place.City,
            ["receiver_district"] = receiver.Place.District,
            ["receiver_address"] = receiver.StreetDetail,
            ["buyer_message"] = BuyerNote(plan),
            ["total_fee"] = YuanText(plan.GoodsFen),
            ["post_fee"] = YuanText(plan.ShippingFen),
            ["discount_fee"] = YuanText(plan.OrderDiscountFen),
            ["payment"] = YuanText(plan.PaidFen),
            ["orders"] = new JsonObject { ["order"] = new JsonArray(plan.Lines.Select((line, i) => Line(plan, line, i)).ToArray()) },
        };
        if (plan.IntakePaidAt is { } paidAt)
        {
            trade["pay_time"] = ChinaTime(paidAt);
        }
        return new JsonObject { ["trade_fullinfo_get_response"] = new JsonObject { ["trade"] = trade } };
    }

    public JsonNode Paid(OrderPlan plan, DateTimeOffset at) => Message(plan, at, "taobao_trade_TradeBuyerPay", new JsonObject
    {
        ["buyer_nick"] = $"{plan.Receiver.BuyerId[3]}**{plan.Receiver.BuyerId[^1]}",
        ["payment"] = YuanText(plan.PaidFen),
        ["tid"] = long.Parse(plan.ExternalOrderId, CultureInfo.InvariantCulture),
        ["type"] = "fixed",
        ["status"] = "WAIT_SELLER_SEND_GOODS",
        ["seller_nick"] = ShopName,
    });

    /// <summary>An unpaid trade is closed by Taobao (TRADE_CLOSED_BY_TAOBAO); a paid one closes as TRADE_CLOSED.</summary>
    public JsonNode Cancelled(OrderPlan plan, DateTimeOffset at) => Message(plan, at, "taobao_trade_TradeClose", new JsonObject
    {
        ["tid"] = long.Parse(plan.ExternalOrderId, CultureInfo.InvariantCulture),
        ["status"] = plan.PaidAtIntake || plan.FollowUps.PayAfter is not null ? "TRADE_CLOSED" : "TRADE_CLOSED_BY_TAOBAO",
        ["seller_nick"] = ShopName,
    });

    private static JsonObject Line(OrderPlan plan, PlanLine line, int index) => new()
    {
        ["oid"] = LineId("41", plan, index),
        ["num_iid"] = 680_000_000_000 + line.Sku.Index,
        ["sku_id"] = line.Sku.PlatformSkuId(Channel.Taobao),
        ["outer_sku_id"] = line.Sku.Sku,
        ["title"] = line.Sku.Title,
        ["sku_properties_name"] = string.Join(';', line.Sku.Variant.Select(part => $"{part.Name}:{part.Value}")),
        ["price"] = YuanText(line.Sku.UnitPriceFen),
        ["num"] = line.Quantity,
        ["total_fee"] = YuanText(line.GoodsFen - line.LineDiscountFen),
        ["discount_fee"] = YuanText(line.LineDiscountFen),
        ["adjust_fee"] = "0.00",
        ["refund_status"] = "NO_REFUND",
    };

    private static JsonObject Message(OrderPlan plan, DateTimeOffset at, string topic, JsonObject content) => new()
    {
        ["topic"] = topic,
        ["pub_time"] = ChinaTime(at),
        ["pub_app_key"] = "12345678",
        ["user_nick"] = ShopName,
        ["content"] = content.ToJsonString(),
    };
}
