using System.Text.Json;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using OrderActors.Connectors.Mapping;
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

    public ConnectorResult<NormalizedOrder> ParseOrder(JsonElement payload, DateTimeOffset? receivedAt = null) =>
        ConnectorKit.Order(payload, root => ReadOrder(root.Unwrap("data")).Build(receivedAt ?? TimeProvider.System.GetUtcNow()));

    /// <summary>The push kind decides the type key: "refund:{notify_type}", "cancel" for a reason_code, else "status:{status}".</summary>
    public ConnectorResult<PlatformEvent> ParseEvent(string externalOrderId, JsonElement payload) =>
        ConnectorKit.Event(payload, push =>
        {
            (string Field, string? Value) type = push.Has("notify_type") ? ("notify_type", "refund:" + push.String("notify_type"))
                : push.Has("reason_code") ? ("reason_code", "cancel")
                : ("status", push.String("status") is { } status ? "status:" + status : null);
            return ConnectorKit.Event(
                _statuses, push, externalOrderId, ("order_id", push.String("order_id")), type, push.UnixSeconds("timestamp"), push.Note("reason"));
        });

    private OrderDraft ReadOrder(PayloadReader order)
    {
        string? status = order.String("status", required: false);
        bool paid = status is not null && _statuses.TryMapStatus(status, out OrderStatus mapped)
            && mapped is not (OrderStatus.PendingPayment or OrderStatus.Cancelled);
        DateTimeOffset? created = order.UnixSeconds("ctime");
        string? phone = order.Note("recipient_phone");
        GeoPoint? location = ReadLocation(order);
        AddressSplit? split = SplitRecipientAddress(order, location);
        Money? total = order.Yuan("total");
        Money? originalPrice = order.Yuan("original_price");
        List<(LineDraft Line, Money BoxFee)> items = order.Lines("detail").Select(ReadItem).ToList();
        Money boxFees = items.Aggregate(Money.Zero, (sum, item) => sum + item.BoxFee);
        return new OrderDraft(Channel.Meituan, order)
        {
            ExternalOrderId = order.Id("order_id"),
            Status = ("status", status),
            CreatedAt = created,
            PaidAt = paid ? created : null,
            BuyerId = order.Note("user_id"),
            ReceiverName = order.Note("recipient_name"),
            ReceiverPhone = phone,
            Province = split?.Province,
            City = split?.City,
            District = split?.District,
            Detail = split?.Detail,
            Location = location,
            BuyerNote = order.Note("caution"),
            Lines = items.Select(item => item.Line).ToArray(),
            ShippingFee = order.Yuan("shipping_fee") is { } fee ? fee + boxFees : null,
            OrderDiscount = originalPrice is { } original && total is { } paidTotal ? original - paidTotal : null,
            AmountPaid = total,
        };
    }

    /// <summary>
    /// Meituan may append the complete address after "@#"; that part is the one to split. Often it is only a building
    /// and a room: then the district comes from the coordinates (the nearest county centroid the division list
    /// knows), and the whole text is the street detail. Neither resolving is an <c>incomplete_address</c> finding.
    /// </summary>
    private AddressSplit? SplitRecipientAddress(PayloadReader order, GeoPoint? location)
    {
        string? text = order.Note("recipient_address");
        string full = text is null ? "" : text.IndexOf(FullAddressMark, StringComparison.Ordinal) is var mark and >= 0
            ? text[(mark + FullAddressMark.Length)..]
            : text;
        if (full.Length > 0 && _divisions.SplitAddress(full) is { } split)
        {
            return split;
        }
        if (location is { } point && _divisions.NearestCounty(point) is { } county)
        {
            return county with { Detail = full.Trim() };
        }
        order.Fail("recipient_address", text is null
            ? "no address and no coordinates"
            : "names no province or city the division list knows, and no coordinates place it", HoldCodes.IncompleteAddress);
        return new AddressSplit("", "", "", full.Trim());
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

    private static (LineDraft Line, Money BoxFee) ReadItem(PayloadReader item)
    {
        Money? boxPrice = item.Yuan("box_price", required: false);
        decimal? boxCount = item.Decimal("box_num", required: false);
        decimal boxFen = (boxPrice ?? Money.Zero).Fen * (boxCount ?? 0m);
        if (boxFen != decimal.Truncate(boxFen) || boxFen < 0)
        {
            item.Fail("box_num", $"{boxCount} boxes at {boxPrice} is not a whole number of fen", HoldCodes.AbnormalAmount);
            boxFen = 0;
        }
        var line = new LineDraft(item, "sku_id")
        {
            PlatformSkuId = item.Note("sku_id") ?? item.Note("app_food_code"),
            OuterSkuCode = item.Note("app_food_code"),
            Variant = VariantText.Canonical(item.Note("spec")),
            Title = item.String("food_name"),
            Quantity = item.Quantity("quantity"),
            UnitPrice = item.Yuan("price"),
        };
        return (line, new Money((long)boxFen));
    }
}
