using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using OrderActors.Connectors.Reading;
using OrderActors.Connectors.StatusMaps;
using OrderActors.Domain.Intake;

namespace OrderActors.Connectors.Mapping;

/// <summary>
/// What a connector read from one platform order, every field optional, and the one place that decides what
/// becomes of it. The body is an order — accepted, 202 — when it has an id and at least one line; everything else a
/// business rule cannot use is kept as a finding that intake turns into a hold, with a neutral value in its place.
/// </summary>
internal sealed class OrderDraft(Channel channel, PayloadReader root)
{
    private readonly ChannelStatusMap _statuses = ChannelStatusMap.For(channel);

    public string? ExternalOrderId { get; init; }

    /// <summary>The platform's status text, and the field it came from (for the finding when it is unknown).</summary>
    public (string Field, string? Value) Status { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? PaidAt { get; init; }

    public DateTimeOffset? ClientSubmittedAt { get; init; }

    public string? BuyerId { get; init; }

    public string? ReceiverName { get; init; }

    public string? ReceiverPhone { get; init; }

    /// <summary>The receiver came only as platform ciphertext (a <c>pii_encrypted</c> hold until the decrypt result).</summary>
    public bool ReceiverEncrypted { get; init; }

    public string? Province { get; init; }

    public string? City { get; init; }

    public string? District { get; init; }

    public string? Detail { get; init; }

    public GeoPoint? Location { get; init; }

    public string? BuyerNote { get; init; }

    public string? SellerNote { get; init; }

    public IReadOnlyList<LineDraft> Lines { get; init; } = [];

    public Money? ShippingFee { get; init; }

    public Money? OrderDiscount { get; init; }

    public Money? AmountPaid { get; init; }

    /// <summary>The coupons and 满减 inside <see cref="OrderDiscount"/>, when the platform names them with their thresholds.</summary>
    public IReadOnlyList<OrderPromotion> Promotions { get; init; } = [];

    /// <summary>The unified status when the connector works it out from several fields (PDD); else <see cref="Status"/> goes through the channel's table.</summary>
    public OrderStatus? Mapped { get; init; }

    /// <summary>The mapped status, or null (an <c>unknown_status</c> finding) when the platform's is missing or unknown.</summary>
    private OrderStatus? MappedStatus => Mapped ?? (Status.Value is { } text && _statuses.TryMapStatus(text, out OrderStatus mapped) ? mapped : null);

    /// <summary>The normalised order, or null when the body is not an order (the rejections are in the reader's record).</summary>
    public NormalizedOrder? Build(DateTimeOffset receivedAt)
    {
        if (ExternalOrderId is null && !root.Errors.Any)
        {
            root.Reject("$", "the order has no id");
        }
        NormalizedOrderLine[] lines = Lines.Select(line => line.Build()).OfType<NormalizedOrderLine>().ToArray();
        if (lines.Length == 0 && !root.Errors.Any)
        {
            root.Reject("$", "the order has no lines");
        }
        if (root.Errors.Any)
        {
            return null;
        }
        OrderStatus? mapped = MappedStatus;
        if (mapped is null)
        {
            root.Fail(Status.Field, Status.Value is null
                ? "the order carries no status"
                : $"unknown {channel.ToRouteName()} order status '{PayloadReader.Shorten(Status.Value)}'", HoldCodes.UnknownStatus);
        }
        if (ReceiverEncrypted)
        {
            root.Fail("receiver", "the platform sent the receiver encrypted: allocated by its divisions, shipping waits for the decrypt result",
                HoldCodes.PiiEncrypted);
        }
        string phone = ReceiverPhone?.Trim() ?? "";
        return new NormalizedOrder
        {
            Channel = channel,
            ExternalOrderId = ExternalOrderId!,
            PlatformStatus = Status.Value ?? "",
            MappedStatus = mapped ?? (PaidAt is null ? OrderStatus.PendingPayment : OrderStatus.Paid),
            CreatedAt = CreatedAt ?? PaidAt ?? receivedAt,
            PaidAt = PaidAt,
            ClientSubmittedAt = ClientSubmittedAt,
            BuyerId = string.IsNullOrWhiteSpace(BuyerId) ? $"receiver:{phone}" : BuyerId.Trim(),
            Receiver = PhoneNumbers.Receiver(ReceiverName ?? "", phone, ReceiverEncrypted),
            ShippingAddress = new Address(Province?.Trim() ?? "", City?.Trim() ?? "", District?.Trim() ?? "", Detail?.Trim() ?? "", Location),
            BuyerNote = BuyerNote,
            SellerNote = SellerNote,
            Lines = lines,
            GoodsTotal = lines.Aggregate(Money.Zero, (sum, line) => sum + line.UnitPrice * line.Quantity),
            ShippingFee = ShippingFee ?? Money.Zero,
            OrderDiscount = OrderDiscount ?? Money.Zero,
            AmountPaid = AmountPaid ?? Money.Zero,
            Promotions = Promotions,
            Findings = root.Errors.Findings,
        };
    }

}

/// <summary>One line as read; a line without a quantity is dropped (a rejection was recorded), a line without a SKU id is held <c>unmapped_sku</c>.</summary>
internal sealed class LineDraft(PayloadReader line, string skuField)
{
    public string? PlatformLineId { get; init; }

    public string? PlatformSkuId { get; init; }

    public string? OuterSkuCode { get; init; }

    public string? Variant { get; init; }

    public string? Title { get; init; }

    public int? Quantity { get; init; }

    public Money? UnitPrice { get; init; }

    public Money? LineDiscount { get; init; }

    /// <summary>Set when the platform marks the line a gift (赠品).</summary>
    public GiftTerms? Gift { get; init; }

    public NormalizedOrderLine? Build()
    {
        if (Quantity is not { } quantity)
        {
            return null;
        }
        if (string.IsNullOrWhiteSpace(PlatformSkuId))
        {
            line.Fail(skuField, "the line names no platform SKU", HoldCodes.UnmappedSku);
        }
        return new NormalizedOrderLine
        {
            PlatformLineId = PlatformLineId,
            PlatformSkuId = PlatformSkuId?.Trim() ?? "",
            OuterSkuCode = OuterSkuCode,
            Variant = Variant,
            Title = Title ?? "",
            Quantity = quantity,
            UnitPrice = UnitPrice ?? Money.Zero,
            LineDiscount = LineDiscount ?? Money.Zero,
            Gift = Gift,
        };
    }
}
