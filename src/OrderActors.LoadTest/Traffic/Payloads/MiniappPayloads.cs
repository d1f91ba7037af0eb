using System.Text.Json.Nodes;
using OrderActors.Abstractions.Orders;
using static OrderActors.LoadTest.Traffic.Payloads.PayloadFormat;

namespace OrderActors.LoadTest.Traffic.Payloads;

/// <summary>
/// The merchant's mini-program, our own format (docs/connectors.md). The client submit time is written just
/// before sending: the hub holds orders whose client clock is more than 3 s from its own.
/// </summary>
public sealed class MiniappPayloads : IChannelPayloads
{
    private static readonly TimeSpan _submitLead = TimeSpan.FromMilliseconds(300);

    public Channel Channel => Channel.Miniapp;

    public JsonNode Order(OrderPlan plan, DateTimeOffset sentAt)
    {
        PlanReceiver receiver = plan.Receiver;
        var order = new JsonObject
        {
            ["orderNo"] = plan.ExternalOrderId,
            ["status"] = plan.PaidAtIntake ? "PAID" : "CREATED",
            ["buyer"] = new JsonObject { ["openId"] = receiver.BuyerId },
            ["receiver"] = new JsonObject
            {
                ["name"] = receiver.Name,
                ["phone"] = receiver.Phone,
                ["province"] = receiver.Place.Province,
                ["city"] = receiver.Place.City,
                ["district"] = receiver.Place.District,
                ["detail"] = receiver.StreetDetail,
            },
            ["items"] = new JsonArray(plan.Lines.Select((line, i) => (JsonNode)new JsonObject
            {
                ["lineNo"] = i + 1,
                ["skuId"] = line.Sku.PlatformSkuId(Channel.Miniapp),
                ["skuCode"] = line.Sku.Sku,
                ["title"] = line.Sku.Title,
                ["specs"] = new JsonArray(line.Sku.Variant.Select(part => (JsonNode)new JsonObject { ["name"] = part.Name, ["value"] = part.Value }).ToArray()),
                ["unitPriceFen"] = line.Sku.UnitPriceFen,
                ["quantity"] = line.Quantity,
                ["discountFen"] = line.LineDiscountFen,
            }).ToArray()),
            ["goodsFen"] = plan.GoodsFen,
            ["shippingFen"] = plan.ShippingFen,
            ["couponFen"] = plan.OrderDiscountFen,
            ["payFen"] = plan.PaidFen,
            ["createdAt"] = UnixMillis(plan.CreatedAt),
            ["clientSubmittedAt"] = UnixMillis(sentAt - _submitLead),
            ["remark"] = BuyerNote(plan),
            ["merchantRemark"] = null,
        };
        if (plan.IntakePaidAt is { } paidAt)
        {
            order["paidAt"] = UnixMillis(paidAt);
        }
        return order;
    }

    public JsonNode Paid(OrderPlan plan, DateTimeOffset at) => Event(plan, "PAID", at);

    public JsonNode Cancelled(OrderPlan plan, DateTimeOffset at) => Event(plan, "CANCELLED", at);

    private static JsonObject Event(OrderPlan plan, string name, DateTimeOffset at) => new()
    {
        ["orderNo"] = plan.ExternalOrderId,
        ["event"] = name,
        ["occurredAt"] = UnixMillis(at),
    };
}
