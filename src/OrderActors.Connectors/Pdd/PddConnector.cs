using System.Text.Json;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using OrderActors.Connectors.Reading;
using OrderActors.Connectors.StatusMaps;
using OrderActors.Domain.Addresses;
using OrderActors.Domain.Intake;

namespace OrderActors.Connectors.Pdd;

/// <summary>
/// 拼多多: reads order_info of pdd.order.information.get (yuan, China time; status refined by refund_status and
/// confirm_status) and push messages shaped { type, content: "{\"tid\":…}", timestamp }.
/// </summary>
public sealed class PddConnector(DivisionCatalog divisions) : IChannelConnector
{
    private readonly ChannelStatusMap _statuses = ChannelStatusMap.For(Channel.Pdd);
    private readonly DivisionCatalog _divisions = divisions;

    public Channel Channel => Channel.Pdd;

    public ConnectorResult<NormalizedOrder> ParseOrder(JsonElement payload) =>
        ConnectorKit.Run(payload, root => ReadOrder(root.Unwrap("order_info_get_response", "order_info")));

    public ConnectorResult<PlatformEvent> ParseEvent(string externalOrderId, JsonElement payload) =>
        ConnectorKit.Run(payload, root =>
        {
            PayloadReader message = root.Unwrap("message");
            PayloadReader? content = message.EmbeddedJson("content");
            return ConnectorKit.Event(
                _statuses, message, externalOrderId,
                ("content.tid", content?.String("tid")), ("type", message.String("type")), message.UnixSeconds("timestamp"));
        });

    private NormalizedOrder? ReadOrder(PayloadReader order)
    {
        string? orderSn = order.String("order_sn");
        string? orderStatus = order.String("order_status");
        string refundStatus = order.String("refund_status", required: false) ?? "1";
        string confirmStatus = order.String("confirm_status", required: false) ?? "1";
        OrderStatus? mapped = ConnectorKit.MapStatus(_statuses, order, "order_status", orderStatus);
        if (_statuses.TryOverride("refund_status", refundStatus, out OrderStatus afterSale))
        {
            mapped = afterSale;
        }
        else if (_statuses.TryOverride("confirm_status", confirmStatus, out OrderStatus confirmation))
        {
            mapped = confirmation;
        }
        DateTimeOffset? created = order.ChinaTime("created_time");
        DateTimeOffset? paid = order.ChinaTime("pay_time", required: false);
        string? name = order.String("receiver_name");
        string? phone = ReadPhone(order);
        string? province = order.String("province");
        string? city = order.String("city");
        string town = order.String("town", required: false) ?? "";
        string? detail = order.Has("receiver_address")
            ? order.String("receiver_address")
            : order.String("address") is { } full ? AddressText.DetailOf(_divisions, full) : null;
        Money? postage = order.Yuan("postage");
        Money? discount = order.Yuan("discount_amount", required: false);
        Money? payAmount = order.Yuan("pay_amount");
        List<NormalizedOrderLine?> lines = order.Array("item_list").Select(ReadLine).ToList();

        if (order.Errors.Any)
        {
            return null;
        }
        NormalizedOrderLine[] kept = lines.OfType<NormalizedOrderLine>().ToArray();
        return new NormalizedOrder
        {
            Channel = Channel.Pdd,
            ExternalOrderId = orderSn!,
            PlatformStatus = $"order_status={orderStatus};refund_status={refundStatus};confirm_status={confirmStatus}",
            MappedStatus = mapped!.Value,
            CreatedAt = created!.Value,
            PaidAt = paid,
            BuyerId = BuyerIdentity(name!, phone!),
            Receiver = ConnectorKit.Contact(name!, phone!),
            ShippingAddress = new Address(province!, city!, town, detail!),
            BuyerNote = order.Note("buyer_memo"),
            SellerNote = order.Note("remark"),
            Lines = kept,
            GoodsTotal = ConnectorKit.GoodsTotal(kept),
            ShippingFee = postage!.Value,
            OrderDiscount = discount!.Value,
            AmountPaid = payAmount!.Value,
        };
    }

    /// <summary>receiver_phone, unless it is ciphertext and the platform also sent receiver_phone_mask for display.</summary>
    private static string? ReadPhone(PayloadReader order)
    {
        string? phone = order.String("receiver_phone");
        return phone is not null && PhoneNumbers.LooksMasked(phone) && order.Has("receiver_phone_mask")
            ? order.String("receiver_phone_mask")
            : phone;
    }

    /// <summary>The order detail names no buyer account, so the receiver stands in for duplicate detection.</summary>
    private static string BuyerIdentity(string name, string phone) => $"receiver:{name.Trim()}/{phone.Trim()}";

    private static NormalizedOrderLine? ReadLine(PayloadReader item)
    {
        string? skuId = item.String("sku_id");
        string? title = item.String("goods_name");
        Money? price = item.Yuan("goods_price");
        int? quantity = item.Quantity("goods_count");
        if (skuId is null || title is null || price is null || quantity is null)
        {
            return null;
        }
        return new NormalizedOrderLine
        {
            PlatformSkuId = skuId,
            OuterSkuCode = item.Note("outer_id"),
            Variant = VariantText.Canonical(item.Note("goods_spec")),
            Title = title,
            Quantity = quantity.Value,
            UnitPrice = price.Value,
            LineDiscount = Money.Zero,
        };
    }
}
