using OrderActors.Abstractions.Common;
using Orleans;

namespace OrderActors.Abstractions.Orders;

/// <summary>
/// One channel's order after its connector read the platform payload: the same shape whatever the
/// platform, money in fen, times in UTC. SKUs are still the platform's; mapping to master SKUs
/// happens at intake against the tenant's mapping table.
/// </summary>
[GenerateSerializer, Alias("oa.NormalizedOrder")]
public sealed record NormalizedOrder
{
    [Id(0)]
    public required Channel Channel { get; init; }

    /// <summary>The platform's order id (tid / orderId / order_sn / order_id …).</summary>
    [Id(1)]
    public required string ExternalOrderId { get; init; }

    /// <summary>The platform status exactly as the platform wrote it.</summary>
    [Id(2)]
    public required string PlatformStatus { get; init; }

    /// <summary>The platform status mapped onto the unified lifecycle (only PendingPayment, Paid or a later status the platform reports).</summary>
    [Id(3)]
    public required OrderStatus MappedStatus { get; init; }

    /// <summary>When the platform created the order (UTC).</summary>
    [Id(4)]
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the buyer paid (UTC), if paid.</summary>
    [Id(5)]
    public DateTimeOffset? PaidAt { get; init; }

    /// <summary>When the buyer's client says it submitted the order (UTC), for the clock-skew check; null when the platform does not say.</summary>
    [Id(6)]
    public DateTimeOffset? ClientSubmittedAt { get; init; }

    /// <summary>The platform's buyer identity (nick, open id, pin …), used for duplicate detection.</summary>
    [Id(7)]
    public required string BuyerId { get; init; }

    [Id(8)]
    public required Contact Receiver { get; init; }

    [Id(9)]
    public required Address ShippingAddress { get; init; }

    /// <summary>买家备注, verbatim.</summary>
    [Id(10)]
    public string? BuyerNote { get; init; }

    /// <summary>卖家备注, verbatim.</summary>
    [Id(11)]
    public string? SellerNote { get; init; }

    [Id(12)]
    public required IReadOnlyList<NormalizedOrderLine> Lines { get; init; }

    /// <summary>Sum of unit price × quantity over the lines, before discounts.</summary>
    [Id(13)]
    public required Money GoodsTotal { get; init; }

    [Id(14)]
    public required Money ShippingFee { get; init; }

    /// <summary>Order-level discounts (coupons, 满减) not already inside the line discounts.</summary>
    [Id(15)]
    public required Money OrderDiscount { get; init; }

    /// <summary>What the buyer pays: goods − line discounts − order discount + shipping.</summary>
    [Id(16)]
    public required Money AmountPaid { get; init; }

    /// <summary>Business fields the connector could not use (each becomes a hold at intake); empty for a complete order.</summary>
    [Id(17)]
    public IReadOnlyList<IntakeFinding> Findings { get; init; } = [];

    /// <summary>The coupons and 满减 inside <see cref="OrderDiscount"/>, when the platform names them.</summary>
    [Id(18)]
    public IReadOnlyList<OrderPromotion> Promotions { get; init; } = [];

    /// <summary>
    /// Set on an exchange's replacement (the RMA it replaces goods for): free by design and the same buyer, items and
    /// address again, so the amount, price and duplicate checks do not apply to it.
    /// </summary>
    [Id(19)]
    public string? ReplacementFor { get; init; }
}

/// <summary>One line of a channel order, in the platform's SKU terms.</summary>
[GenerateSerializer, Immutable, Alias("oa.NormalizedOrderLine")]
public sealed record NormalizedOrderLine
{
    /// <summary>The platform's own line id (oid / skuUuid …), when it has one.</summary>
    [Id(0)]
    public string? PlatformLineId { get; init; }

    /// <summary>The platform's SKU id (sku_id / skuId …): the key of the SKU mapping table.</summary>
    [Id(1)]
    public required string PlatformSkuId { get; init; }

    /// <summary>The merchant code the seller typed on the platform (outer_sku_id / outerSkuId / out_sku_id), if any.</summary>
    [Id(2)]
    public string? OuterSkuCode { get; init; }

    /// <summary>The variant as the platform describes it ("颜色分类:红色;尺码:L"), if any.</summary>
    [Id(3)]
    public string? Variant { get; init; }

    [Id(4)]
    public required string Title { get; init; }

    [Id(5)]
    public required int Quantity { get; init; }

    [Id(6)]
    public required Money UnitPrice { get; init; }

    /// <summary>Discounts the platform applied to this line.</summary>
    [Id(7)]
    public required Money LineDiscount { get; init; }

    /// <summary>Set when the platform marks the line a gift (赠品).</summary>
    [Id(8)]
    public GiftTerms? Gift { get; init; }
}
