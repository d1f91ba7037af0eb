using System.Text.Json;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using OrderActors.Connectors.Mapping;
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

    public ConnectorResult<NormalizedOrder> ParseOrder(JsonElement payload, DateTimeOffset? receivedAt = null) =>
        ConnectorKit.Order(payload, root => ReadOrder(root.Unwrap("order_info_get_response", "order_info"))
            .Build(receivedAt ?? TimeProvider.System.GetUtcNow()));

    public ConnectorResult<PlatformEvent> ParseEvent(string externalOrderId, JsonElement payload) =>
        ConnectorKit.Event(payload, root =>
        {
            PayloadReader message = root.Unwrap("message");
            PayloadReader? content = message.EmbeddedJson("content");
            return ConnectorKit.Event(
                _statuses, message, externalOrderId,
                ("content.tid", content?.String("tid")), ("type", message.String("type")), message.UnixSeconds("timestamp"));
        });

    private OrderDraft ReadOrder(PayloadReader order)
    {
        string? orderStatus = order.String("order_status", required: false);
        string refundStatus = order.String("refund_status", required: false) ?? "1";
        string confirmStatus = order.String("confirm_status", required: false) ?? "1";
        OrderStatus? mapped = orderStatus is not null && _statuses.TryMapStatus(orderStatus, out OrderStatus byOrder) ? byOrder : null;
        if (mapped is not null && _statuses.TryOverride("refund_status", refundStatus, out OrderStatus afterSale))
        {
            mapped = afterSale;
        }
        else if (mapped is not null && _statuses.TryOverride("confirm_status", confirmStatus, out OrderStatus confirmation))
        {
            mapped = confirmation;
        }
        string? name = order.Note("receiver_name");
        string? phone = ReadPhone(order);
        string? fullAddress = order.Note("address");
        return new OrderDraft(Channel.Pdd, order)
        {
            ExternalOrderId = order.Id("order_sn"),
            Status = ("order_status", orderStatus is null ? null : $"order_status={orderStatus};refund_status={refundStatus};confirm_status={confirmStatus}"),
            Mapped = mapped,
            CreatedAt = order.ChinaTime("created_time"),
            PaidAt = order.ChinaTime("pay_time", required: false),
            BuyerId = name is null && phone is null ? null : $"receiver:{name?.Trim()}/{phone?.Trim()}",
            ReceiverName = name,
            ReceiverPhone = phone,
            ReceiverEncrypted = name is not null && Receiving.LooksEncrypted(name),
            Province = order.Note("province"),
            City = order.Note("city"),
            District = order.Note("town"),
            Detail = order.Note("receiver_address") ?? (fullAddress is null ? null : AddressText.DetailOf(_divisions, fullAddress)),
            BuyerNote = order.Note("buyer_memo"),
            SellerNote = order.Note("remark"),
            Lines = order.Lines("item_list").Select(ReadLine).ToArray(),
            ShippingFee = order.Yuan("postage"),
            OrderDiscount = order.Yuan("discount_amount", required: false),
            AmountPaid = order.Yuan("pay_amount"),
        };
    }

    /// <summary>receiver_phone, unless it is ciphertext and the platform also sent receiver_phone_mask for display.</summary>
    private static string? ReadPhone(PayloadReader order)
    {
        string? phone = order.Note("receiver_phone");
        return phone is not null && PhoneNumbers.LooksMasked(phone) && order.Note("receiver_phone_mask") is { } mask ? mask : phone;
    }

    /// <summary>Amounts are JSON numbers in yuan: read from the JSON text as decimals, never through a double.</summary>
    private static LineDraft ReadLine(PayloadReader item) => new(item, "sku_id")
    {
        PlatformSkuId = item.Note("sku_id"),
        OuterSkuCode = item.Note("outer_id"),
        Variant = VariantText.Canonical(item.Note("goods_spec")),
        Title = item.String("goods_name"),
        Quantity = item.Quantity("goods_count"),
        UnitPrice = item.Yuan("goods_price"),
    };
}
