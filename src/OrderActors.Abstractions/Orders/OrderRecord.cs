using System.Collections.Immutable;
using OrderActors.Abstractions.Common;

namespace OrderActors.Abstractions.Orders;

/// <summary>
/// Everything the hub knows about one order: what the channel sent (normalized, mapped to master
/// SKUs), where its stock is reserved, its holds and the timeline of every transition. The order
/// grain keeps it as state; the domain rules return changed copies; the facade shows it (masked).
/// </summary>
public sealed record OrderRecord
{
    public string OrderId { get; init; } = "";

    public Channel Channel { get; init; }

    public string ExternalOrderId { get; init; } = "";

    public OrderStatus Status { get; init; }

    /// <summary>The platform's own latest status text, and what it means in our lifecycle.</summary>
    public string PlatformStatus { get; init; } = "";

    public OrderStatus PlatformStage { get; init; }

    public bool IsPaid { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }

    public DateTimeOffset? PaidAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public string BuyerId { get; init; } = "";

    public Contact Receiver { get; init; } = new("", "", false);

    public Address ShippingAddress { get; init; } = new("", "", "", "");

    /// <summary>Where the parcel goes, for geo-nearest allocation: the platform's coordinates, else the district's centroid.</summary>
    public GeoPoint? Destination { get; init; }

    public string? DivisionCode { get; init; }

    public string? BuyerNote { get; init; }

    public string? SellerNote { get; init; }

    public ImmutableList<OrderLineRecord> Lines { get; init; } = [];

    public Money GoodsTotal { get; init; }

    public Money ShippingFee { get; init; }

    public Money OrderDiscount { get; init; }

    public Money AmountPaid { get; init; }

    public ImmutableList<OrderHold> Holds { get; init; } = [];

    public ImmutableList<TimelineEntry> Timeline { get; init; } = [];

    /// <summary>Why the order went to its warehouse(s), layer by layer.</summary>
    public ImmutableList<ExplanationEntry> AllocationExplanation { get; init; } = [];

    public string? Carrier { get; init; }

    public string? TrackingNo { get; init; }

    /// <summary>How many times a warehouse breaker moved this order elsewhere.</summary>
    public int Reroutes { get; init; }

    public string? Fingerprint { get; init; }

    /// <summary>Every reservation this order holds, across lines.</summary>
    public IEnumerable<StockAllocation> Allocations => Lines.SelectMany(l => l.Allocations);

    public bool HasBlockingHold => Holds.Any(h => h.Blocking);
}

/// <summary>One order line in master-SKU terms, with the stock reserved for it.</summary>
public sealed record OrderLineRecord
{
    public int LineNo { get; init; }

    public string PlatformSkuId { get; init; } = "";

    /// <summary>Null while the platform SKU is unmapped (the order is then held).</summary>
    public string? MasterSku { get; init; }

    public string Title { get; init; } = "";

    public string? Variant { get; init; }

    public int Quantity { get; init; }

    public Money UnitPrice { get; init; }

    public Money LineDiscount { get; init; }

    /// <summary>This line's share of the order-level discount (满减, coupons), in fen.</summary>
    public Money OrderDiscountShare { get; init; }

    public bool ColdChain { get; init; }

    public ImmutableList<StockAllocation> Allocations { get; init; } = [];

    public int AllocatedQuantity => Allocations.Sum(a => a.Quantity);
}

/// <summary>A reservation held at one stock bucket of one warehouse.</summary>
public sealed record StockAllocation(string WarehouseId, string Sku, int Bucket, int Quantity, string ReservationId);

/// <summary>One transition: to what, when (UTC), who caused it (channel, carrier, operator, system) and why.</summary>
public sealed record TimelineEntry(OrderStatus Status, DateTimeOffset At, string Source, string? Note = null);

/// <summary>One layer of the allocation's reasoning.</summary>
public sealed record ExplanationEntry(string Layer, string Text);
