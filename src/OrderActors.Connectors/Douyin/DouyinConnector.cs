using System.Text.Json;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using OrderActors.Connectors.Reading;
using OrderActors.Connectors.StatusMaps;
using OrderActors.Domain.Intake;

namespace OrderActors.Connectors.Douyin;

/// <summary>
/// 抖店: reads shop_order_detail of order.orderDetail (amounts in integer fen, times in unix seconds, receiver as
/// plaintext post_* or masked mask_post_*) and push messages [{ tag, msg_id, data: "{\"p_id\":…}" }].
/// </summary>
public sealed class DouyinConnector : IChannelConnector
{
    private static readonly string[] _eventTimeFields = ["update_time", "pay_time", "complete_time", "cancel_time", "apply_time", "create_time"];
    private readonly ChannelStatusMap _statuses = ChannelStatusMap.For(Channel.Douyin);

    public Channel Channel => Channel.Douyin;

    public ConnectorResult<NormalizedOrder> ParseOrder(JsonElement payload) =>
        ConnectorKit.Run(payload, root => ReadOrder(root.Unwrap("data", "shop_order_detail")));

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
        return ConnectorKit.Run(message, root =>
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

    private NormalizedOrder? ReadOrder(PayloadReader order)
    {
        string? orderId = order.String("order_id");
        string? status = order.String("order_status");
        OrderStatus? mapped = ConnectorKit.MapStatus(_statuses, order, "order_status", status);
        DateTimeOffset? created = order.UnixSeconds("create_time");
        DateTimeOffset? paid = order.UnixSeconds("pay_time", required: false);
        string? buyer = order.String("doudian_open_id");
        string? name = order.Has("post_receiver") ? order.String("post_receiver") : order.String("mask_post_receiver");
        string? phone = order.Has("post_tel") ? order.String("post_tel")
            : order.Has("mask_post_tel") ? order.String("mask_post_tel") : order.String("encrypt_post_tel");
        PayloadReader? address = order.Has("post_addr") ? order.Object("post_addr") : order.Object("mask_post_addr");
        string? province = address?.Object("province")?.String("name");
        string? city = address?.Object("city")?.String("name");
        string district = address?.Object("town", required: false)?.String("name", required: false) ?? "";
        string? detail = address?.String("detail");
        Money? postage = order.Fen("post_amount");
        Money? promotion = order.Fen("promotion_amount", required: false);
        Money? payAmount = order.Fen("pay_amount");
        List<NormalizedOrderLine?> lines = order.Array("sku_order_list").Select(ReadLine).ToList();

        if (order.Errors.Any)
        {
            return null;
        }
        NormalizedOrderLine[] kept = lines.OfType<NormalizedOrderLine>().ToArray();
        return new NormalizedOrder
        {
            Channel = Channel.Douyin,
            ExternalOrderId = orderId!,
            PlatformStatus = status!,
            MappedStatus = mapped!.Value,
            CreatedAt = created!.Value,
            PaidAt = paid,
            BuyerId = buyer!,
            Receiver = ConnectorKit.Contact(name!, phone!),
            ShippingAddress = new Address(province!, city!, district, detail!),
            BuyerNote = order.Note("buyer_words"),
            SellerNote = order.Note("seller_words"),
            Lines = kept,
            GoodsTotal = ConnectorKit.GoodsTotal(kept),
            ShippingFee = postage!.Value,
            OrderDiscount = promotion!.Value,
            AmountPaid = payAmount!.Value,
        };
    }

    private static NormalizedOrderLine? ReadLine(PayloadReader sku)
    {
        string? lineId = sku.String("order_id", required: false);
        string? skuId = sku.String("sku_id");
        string? title = sku.String("product_name");
        int? quantity = sku.Quantity("item_num");
        Money? originAmount = sku.Fen("origin_amount");
        string? variant = VariantText.FromValues(sku.Array("spec", required: false).Select(spec => spec.String("value")));
        if (skuId is null || title is null || quantity is null || originAmount is null)
        {
            return null;
        }
        if (originAmount.Value.Fen % quantity.Value != 0)
        {
            sku.Fail("origin_amount", $"{originAmount} does not divide evenly over {quantity} items");
            return null;
        }
        return new NormalizedOrderLine
        {
            PlatformLineId = lineId,
            PlatformSkuId = skuId,
            OuterSkuCode = sku.Note("out_sku_id") ?? sku.Note("code"),
            Variant = variant,
            Title = title,
            Quantity = quantity.Value,
            UnitPrice = new Money(originAmount.Value.Fen / quantity.Value),
            LineDiscount = Money.Zero,
        };
    }
}
