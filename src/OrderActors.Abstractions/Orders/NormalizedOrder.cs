using OrderActors.Abstractions.Common;

namespace OrderActors.Abstractions.Orders;

/// <summary>
/// One channel's order after its connector read the platform payload: the same shape whatever the
/// platform, money in fen, times in UTC. SKUs are still the platform's; mapping to master SKUs
/// happens at intake against the tenant's mapping table.
/// </summary>
public sealed record NormalizedOrder
{
    public required Channel Channel { get; init; }

    /// <summary>The platform's order id (tid / orderId / order_sn / order_id …).</summary>
    public required string ExternalOrderId { get; init; }

    /// <summary>The platform status exactly as the platform wrote it.</summary>
    public required string PlatformStatus { get; init; }

    /// <summary>The platform status mapped onto the unified lifecycle (only PendingPayment, Paid or a later status the platform reports).</summary>
    public required OrderStatus MappedStatus { get; init; }

    /// <summary>When the platform created the order (UTC).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the buyer paid (UTC), if paid.</summary>
    public DateTimeOffset? PaidAt { get; init; }

    /// <summary>When the buyer's client says it submitted the order (UTC), for the clock-skew check; null when the platform does not say.</summary>
    public DateTimeOffset? ClientSubmittedAt { get; init; }

    /// <summary>The platform's buyer identity (nick, open id, pin …), used for duplicate detection.</summary>
    public required string BuyerId { get; init; }

    public required Contact Receiver { get; init; }

    public required Address ShippingAddress { get; init; }

    /// <summary>买家备注, verbatim.</summary>
    public string? BuyerNote { get; init; }

    /// <summary>卖家备注, verbatim.</summary>
    public string? SellerNote { get; init; }

    public required IReadOnlyList<NormalizedOrderLine> Lines { get; init; }

    /// <summary>Sum of unit price × quantity over the lines, before discounts.</summary>
    public required Money GoodsTotal { get; init; }

    public required Money ShippingFee { get; init; }

    /// <summary>Order-level discounts (coupons, 满减) not already inside the line discounts.</summary>
    public required Money OrderDiscount { get; init; }

    /// <summary>What the buyer pays: goods − line discounts − order discount + shipping.</summary>
    public required Money AmountPaid { get; init; }
}

/// <summary>One line of a channel order, in the platform's SKU terms.</summary>
public sealed record NormalizedOrderLine
{
    /// <summary>The platform's own line id (oid / skuUuid …), when it has one.</summary>
    public string? PlatformLineId { get; init; }

    /// <summary>The platform's SKU id (sku_id / skuId …): the key of the SKU mapping table.</summary>
    public required string PlatformSkuId { get; init; }

    /// <summary>The merchant code the seller typed on the platform (outer_sku_id / outerSkuId / out_sku_id), if any.</summary>
    public string? OuterSkuCode { get; init; }

    /// <summary>The variant as the platform describes it ("颜色分类:红色;尺码:L"), if any.</summary>
    public string? Variant { get; init; }

    public required string Title { get; init; }

    public required int Quantity { get; init; }

    public required Money UnitPrice { get; init; }

    /// <summary>Discounts the platform applied to this line.</summary>
    public required Money LineDiscount { get; init; }
}
