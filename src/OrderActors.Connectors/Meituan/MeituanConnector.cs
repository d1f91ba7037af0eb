using System.Text.Json;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using OrderActors.Connectors.Reading;
using OrderActors.Connectors.StatusMaps;
using OrderActors.Domain.Addresses;
using OrderActors.Domain.Intake;

namespace OrderActors.Connectors.Meituan;

/// <summary>
/// 美团闪购: reads the order detail (numeric yuan, unix-second ctime, one-line recipient_address split with the
/// division list, items as JSON text in detail) and pushes: status changes, cancellations and refund notices.
/// </summary>
public sealed class MeituanConnector(DivisionCatalog divisions) : IChannelConnector
{
    private const string FullAddressMark = "@#";
    private readonly ChannelStatusMap _statuses = ChannelStatusMap.For(Channel.Meituan);
    private readonly DivisionCatalog _divisions = divisions;

    public Channel Channel => Channel.Meituan;

    public ConnectorResult<NormalizedOrder> ParseOrder(JsonElement payload) =>
        ConnectorKit.Run(payload, root => ReadOrder(root.Unwrap("data")));

    /// <summary>The push kind decides the type key: "refund:{notify_type}", "cancel" for a reason_code, else "status:{status}".</summary>
    public ConnectorResult<PlatformEvent> ParseEvent(string externalOrderId, JsonElement payload) =>
        ConnectorKit.Run(payload, push =>
        {
            (string Field, string? Value) type = push.Has("notify_type") ? ("notify_type", "refund:" + push.String("notify_type"))
                : push.Has("reason_code") ? ("reason_code", "cancel")
                : ("status", push.String("status") is { } status ? "status:" + status : null);
            return ConnectorKit.Event(
                _statuses, push, externalOrderId, ("order_id", push.String("order_id")), type, push.UnixSeconds("timestamp"), push.Note("reason"));
        });

    private NormalizedOrder? ReadOrder(PayloadReader order)
    {
        string? orderId = order.String("order_id");
        string? status = order.String("status");
        OrderStatus? mapped = ConnectorKit.MapStatus(_statuses, order, "status", status);
        DateTimeOffset? created = order.UnixSeconds("ctime");
        string? name = order.String("recipient_name");
        string? phone = order.String("recipient_phone");
        AddressSplit? split = SplitRecipientAddress(order);
        GeoPoint? location = ReadLocation(order);
        Money? shippingFee = order.Yuan("shipping_fee");
        Money? total = order.Yuan("total");
        Money? originalPrice = order.Yuan("original_price");
        PayloadReader? detail = order.EmbeddedJson("detail");
        List<(NormalizedOrderLine? Line, Money BoxFee)> items = (detail?.AsArray() ?? []).Select(ReadItem).ToList();

        if (order.Errors.Any)
        {
            return null;
        }
        NormalizedOrderLine[] kept = items.Select(item => item.Line).OfType<NormalizedOrderLine>().ToArray();
        Money boxFees = items.Aggregate(Money.Zero, (sum, item) => sum + item.BoxFee);
        bool paid = mapped is not (OrderStatus.PendingPayment or OrderStatus.Cancelled);
        return new NormalizedOrder
        {
            Channel = Channel.Meituan,
            ExternalOrderId = orderId!,
            PlatformStatus = status!,
            MappedStatus = mapped!.Value,
            CreatedAt = created!.Value,
            PaidAt = paid ? created : null,
            BuyerId = order.Note("user_id") ?? $"receiver:{phone!.Trim()}",
            Receiver = ConnectorKit.Contact(name!, phone!),
            ShippingAddress = new Address(split!.Province, split.City, split.District, split.Detail, location),
            BuyerNote = order.Note("caution"),
            Lines = kept,
            GoodsTotal = ConnectorKit.GoodsTotal(kept),
            ShippingFee = shippingFee!.Value + boxFees,
            OrderDiscount = originalPrice!.Value - total!.Value,
            AmountPaid = total.Value,
        };
    }

    /// <summary>Meituan may append the complete address after "@#"; that part is the one to split.</summary>
    private AddressSplit? SplitRecipientAddress(PayloadReader order)
    {
        string? text = order.String("recipient_address");
        if (text is null)
        {
            return null;
        }
        int mark = text.IndexOf(FullAddressMark, StringComparison.Ordinal);
        string full = mark >= 0 ? text[(mark + FullAddressMark.Length)..] : text;
        AddressSplit? split = _divisions.SplitAddress(full);
        if (split is null)
        {
            order.Fail("recipient_address", "names no province or city the division list knows");
        }
        return split;
    }

    private static GeoPoint? ReadLocation(PayloadReader order)
    {
        decimal? latitude = order.Decimal("latitude", required: false);
        decimal? longitude = order.Decimal("longitude", required: false);
        if (latitude is null || longitude is null)
        {
            return null;
        }
        if (Math.Abs(latitude.Value) > 90 || Math.Abs(longitude.Value) > 180)
        {
            order.Fail("latitude", $"({latitude}, {longitude}) is not a position in degrees");
            return null;
        }
        return new GeoPoint((double)latitude.Value, (double)longitude.Value);
    }

    private static (NormalizedOrderLine? Line, Money BoxFee) ReadItem(PayloadReader item)
    {
        string? skuId = item.Note("sku_id") ?? item.String("app_food_code");
        string? title = item.String("food_name");
        int? quantity = item.Quantity("quantity");
        Money? price = item.Yuan("price");
        Money? boxPrice = item.Yuan("box_price", required: false);
        decimal? boxCount = item.Decimal("box_num", required: false);
        if (skuId is null || title is null || quantity is null || price is null || boxPrice is null)
        {
            return (null, Money.Zero);
        }
        decimal boxFen = boxPrice.Value.Fen * (boxCount ?? 0m);
        if (boxFen != decimal.Truncate(boxFen) || boxFen < 0)
        {
            item.Fail("box_num", $"{boxCount} boxes at {boxPrice} is not a whole number of fen");
            return (null, Money.Zero);
        }
        var line = new NormalizedOrderLine
        {
            PlatformSkuId = skuId,
            OuterSkuCode = item.Note("app_food_code"),
            Variant = VariantText.Canonical(item.Note("spec")),
            Title = title,
            Quantity = quantity.Value,
            UnitPrice = price.Value,
            LineDiscount = Money.Zero,
        };
        return (line, new Money((long)boxFen));
    }
}
