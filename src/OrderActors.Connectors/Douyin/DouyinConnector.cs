using System.Text.Json;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using OrderActors.Connectors.Mapping;
using OrderActors.Connectors.Reading;
using OrderActors.Connectors.StatusMaps;
using OrderActors.Domain.Intake;

namespace OrderActors.Connectors.Douyin;

/// <summary>
/// 抖店: reads shop_order_detail of order.orderDetail (amounts in integer fen, times in unix seconds, receiver as
/// plaintext post_*, masked mask_post_* or — since Douyin's 2021 privacy change, often alone — ciphertext encrypt_post_*)
/// and push messages [{ tag, msg_id, data: "{\"p_id\":…}" }].
/// </summary>
public sealed class DouyinConnector : IChannelConnector
{
    private static readonly string[] _eventTimeFields = ["update_time", "pay_time", "complete_time", "cancel_time", "apply_time", "create_time"];
    private readonly ChannelStatusMap _statuses = ChannelStatusMap.For(Channel.Douyin);

    public Channel Channel => Channel.Douyin;

    public ConnectorResult<NormalizedOrder> ParseOrder(JsonElement payload, DateTimeOffset? receivedAt = null) =>
        ConnectorKit.Order(payload, root => ReadOrder(root.Unwrap("data", "shop_order_detail"))
            .Build(receivedAt ?? TimeProvider.System.GetUtcNow()));

    /// <summary>Douyin pushes a JSON array of messages; a single message object is accepted too.</summary>
    public ConnectorResult<PlatformEvent> ParseEvent(string externalOrderId, JsonElement payload)
    {
        JsonElement message = payload;
        if (payload.ValueKind == JsonValueKind.Array)
        {
            if (payload.GetArrayLength() != 1)
            {
                return ConnectorResult<PlatformEvent>.Failure("$", $"expected one message, got {payload.GetArrayLength()}");
            }
            message = payload[0];
        }
        return ConnectorKit.Event(message, root =>
        {
            string? tag = root.String("tag");
            PayloadReader? data = root.EmbeddedJson("data");
            string? orderId = data?.String("p_id");
            string? timeField = _eventTimeFields.FirstOrDefault(field => data?.Has(field) == true);
            if (data is not null && timeField is null)
            {
                data.Fail("update_time", "the message carries no time");
            }
            DateTimeOffset? at = timeField is null ? null : data!.UnixSeconds(timeField);
            return ConnectorKit.Event(_statuses, root, externalOrderId, ("data.p_id", orderId), ("tag", tag), at);
        });
    }

    private static OrderDraft ReadOrder(PayloadReader order)
    {
        Receiving name = Receiving.Read(order, "post_receiver", "mask_post_receiver", "encrypt_post_receiver");
        Receiving phone = Receiving.Read(order, "post_tel", "mask_post_tel", "encrypt_post_tel");
        PayloadReader? address = order.Has("post_addr") ? order.Object("post_addr") : order.Object("mask_post_addr", required: false);
        Receiving detail = address is null ? default : Receiving.Read(address, "detail", "mask_detail", "encrypt_detail");
        return new OrderDraft(Channel.Douyin, order)
        {
            ExternalOrderId = order.Id("order_id"),
            Status = ("order_status", order.String("order_status", required: false)),
            CreatedAt = order.UnixSeconds("create_time"),
            PaidAt = order.UnixSeconds("pay_time", required: false),
            BuyerId = order.Note("doudian_open_id"),
            ReceiverName = name.Text,
            ReceiverPhone = phone.Text,
            ReceiverEncrypted = name.Encrypted || phone.Encrypted || detail.Encrypted,
            Province = DivisionName(address, "province"),
            City = DivisionName(address, "city"),
            District = DivisionName(address, "town"),
            Detail = detail.Text,
            BuyerNote = order.Note("buyer_words"),
            SellerNote = order.Note("seller_words"),
            Lines = order.Lines("sku_order_list").Select(ReadLine).ToArray(),
            ShippingFee = order.Fen("post_amount"),
            OrderDiscount = order.Fen("promotion_amount", required: false),
            AmountPaid = order.Fen("pay_amount"),
        };
    }

    /// <summary>A division as Douyin writes it: <c>{ "name": "浙江省", "id": "33" }</c> (ids 2- or 6-digit); the name is what intake resolves.</summary>
    private static string? DivisionName(PayloadReader? address, string level) =>
        address?.Object(level, required: false)?.Note("name");

    /// <summary><c>origin_amount</c> is the unit price (现价); <c>sum_amount</c>, when sent, must be it times <c>item_num</c>.</summary>
    private static LineDraft ReadLine(PayloadReader sku)
    {
        int? quantity = sku.Quantity("item_num");
        Money? unitPrice = sku.Fen("origin_amount");
        Money? sum = sku.Fen("sum_amount", required: false);
        if (unitPrice is { } unit && quantity is { } count && sku.Has("sum_amount") && sum is { } total && total != unit * count)
        {
            sku.Fail("sum_amount", $"{total} is not origin_amount {unit} × item_num {count}", HoldCodes.AbnormalAmount);
        }
        return new LineDraft(sku, "sku_id")
        {
            PlatformLineId = sku.Note("order_id"),
            PlatformSkuId = sku.Note("sku_id"),
            OuterSkuCode = sku.Note("out_sku_id") ?? sku.Note("code"),
            Variant = VariantText.FromValues(sku.Array("spec", required: false).Select(spec => spec.String("value"))),
            Title = sku.String("product_name"),
            Quantity = quantity,
            UnitPrice = unitPrice,
        };
    }
}
