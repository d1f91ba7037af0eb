using System.Collections.Immutable;
using OrderActors.Abstractions.Common;
using Orleans;

namespace OrderActors.Abstractions.Orders;

/// <summary>
/// Everything the hub knows about one order: what the channel sent (normalized, mapped to master
/// SKUs), where its stock is reserved, its holds and the timeline of every transition. The order
/// grain keeps it as state; the domain rules return changed copies; the facade shows it (masked).
/// </summary>
[GenerateSerializer, Immutable, Alias("oa.OrderRecord")]
public sealed record OrderRecord
{
    [Id(0)]
    public string OrderId { get; init; } = "";

    [Id(1)]
    public Channel Channel { get; init; }

    [Id(2)]
    public string ExternalOrderId { get; init; } = "";

    [Id(3)]
    public OrderStatus Status { get; init; }

    /// <summary>The platform's own latest status text, and what it means in our lifecycle.</summary>
    [Id(4)]
    public string PlatformStatus { get; init; } = "";

    [Id(5)]
    public OrderStatus PlatformStage { get; init; }

    [Id(6)]
    public bool IsPaid { get; init; }

    [Id(7)]
    public DateTimeOffset CreatedAt { get; init; }

    [Id(8)]
    public DateTimeOffset ReceivedAt { get; init; }

    [Id(9)]
    public DateTimeOffset? PaidAt { get; init; }

    [Id(10)]
    public DateTimeOffset UpdatedAt { get; init; }

    [Id(11)]
    public string BuyerId { get; init; } = "";

    [Id(12)]
    public Contact Receiver { get; init; } = new("", "", false);

    [Id(13)]
    public Address ShippingAddress { get; init; } = new("", "", "", "");

    /// <summary>Where the parcel goes, for geo-nearest allocation: the platform's coordinates, else the district's centroid.</summary>
    [Id(14)]
    public GeoPoint? Destination { get; init; }

    [Id(15)]
    public string? DivisionCode { get; init; }

    [Id(16)]
    public string? BuyerNote { get; init; }

    [Id(17)]
    public string? SellerNote { get; init; }

    [Id(18)]
    public ImmutableList<OrderLineRecord> Lines { get; init; } = [];

    [Id(19)]
    public Money GoodsTotal { get; init; }

    [Id(20)]
    public Money ShippingFee { get; init; }

    [Id(21)]
    public Money OrderDiscount { get; init; }

    [Id(22)]
    public Money AmountPaid { get; init; }

    [Id(23)]
    public ImmutableList<OrderHold> Holds { get; init; } = [];

    [Id(24)]
    public ImmutableList<TimelineEntry> Timeline { get; init; } = [];

    /// <summary>Why the order went to its warehouse(s), layer by layer.</summary>
    [Id(25)]
    public ImmutableList<ExplanationEntry> AllocationExplanation { get; init; } = [];

    [Id(26)]
    public string? Carrier { get; init; }

    [Id(27)]
    public string? TrackingNo { get; init; }

    /// <summary>How many times a warehouse breaker moved this order elsewhere.</summary>
    [Id(28)]
    public int Reroutes { get; init; }

    [Id(29)]
    public string? Fingerprint { get; init; }

    /// <summary>The coupons and 满减 inside <see cref="OrderDiscount"/>, with their thresholds, when the channel names them.</summary>
    [Id(30)]
    public ImmutableList<OrderPromotion> Promotions { get; init; } = [];

    /// <summary>Every RMA on this order, open or done: the ledger that keeps returns within what was bought and paid.</summary>
    [Id(31)]
    public ImmutableList<AfterSales.ReturnClaim> Returns { get; init; } = [];

    /// <summary>Where the order stood when its first open RMA moved it to Returning; it goes back there if not all was refunded.</summary>
    [Id(32)]
    public OrderStatus? StatusBeforeReturn { get; init; }

    /// <summary>When the buyer of this unpaid order was reminded to pay (once).</summary>
    [Id(33)]
    public DateTimeOffset? UnpaidRemindedAt { get; init; }

    /// <summary>Every reservation this order holds, across lines.</summary>
    public IEnumerable<StockAllocation> Allocations => Lines.SelectMany(l => l.Allocations);

    public bool HasBlockingHold => Holds.Any(h => h.Blocking);
}

/// <summary>One order line in master-SKU terms, with the stock reserved for it.</summary>
[GenerateSerializer, Immutable, Alias("oa.OrderLineRecord")]
public sealed record OrderLineRecord
{
    [Id(0)]
    public int LineNo { get; init; }

    [Id(1)]
    public string PlatformSkuId { get; init; } = "";

    /// <summary>Null while the platform SKU is unmapped (the order is then held).</summary>
    [Id(2)]
    public string? MasterSku { get; init; }

    [Id(3)]
    public string Title { get; init; } = "";

    [Id(4)]
    public string? Variant { get; init; }

    [Id(5)]
    public int Quantity { get; init; }

    [Id(6)]
    public Money UnitPrice { get; init; }

    [Id(7)]
    public Money LineDiscount { get; init; }

    /// <summary>This line's share of the order-level discount (满减, coupons), in fen.</summary>
    [Id(8)]
    public Money OrderDiscountShare { get; init; }

    [Id(9)]
    public bool ColdChain { get; init; }

    [Id(10)]
    public ImmutableList<StockAllocation> Allocations { get; init; } = [];

    /// <summary>Set when the line is a gift (赠品): its stated value and what it came with.</summary>
    [Id(11)]
    public GiftTerms? Gift { get; init; }

    public int AllocatedQuantity => Allocations.Sum(a => a.Quantity);
}

/// <summary>A reservation held at one stock bucket of one warehouse.</summary>
[GenerateSerializer, Immutable, Alias("oa.StockAllocation")]
public sealed record StockAllocation(string WarehouseId, string Sku, int Bucket, int Quantity, string ReservationId);

/// <summary>One transition: to what, when (UTC), who caused it (channel, carrier, operator, system) and why.</summary>
[GenerateSerializer, Immutable, Alias("oa.TimelineEntry")]
public sealed record TimelineEntry(OrderStatus Status, DateTimeOffset At, string Source, string? Note = null);

/// <summary>One layer of the allocation's reasoning.</summary>
[GenerateSerializer, Immutable, Alias("oa.ExplanationEntry")]
public sealed record ExplanationEntry(string Layer, string Text);
