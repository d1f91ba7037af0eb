using System.Collections.Immutable;
using OrderActors.Abstractions.AfterSales;
using OrderActors.Abstractions.Orders;

namespace OrderActors.Grains.Orders;

/// <summary>
/// The order grain's durable state: the order; the first reservation attempt number not yet used by a
/// finished allocation (reservations numbered from it on, if any, were left by an interrupted one); and
/// the reservations the order gave up (or shipped) in its last writes but may not have released (committed) yet.
/// </summary>
[GenerateSerializer, Alias("oa.OrderState")]
public sealed record OrderState
{
    [Id(0)]
    public OrderRecord? Order { get; init; }

    [Id(1)]
    public int NextAttempt { get; init; } = 1;

    /// <summary>
    /// Given up (moved away, cancelled), written with the change that gave them up and released right after.
    /// If the silo dies in between, the next activation releases them; releasing twice is harmless.
    /// </summary>
    [Id(2)]
    public ImmutableList<StockAllocation> Releasing { get; init; } = [];

    /// <summary>
    /// Shipped (出库), written with the shipment and committed at the buckets right after, the same way: committing
    /// twice is harmless, and a shipment whose write failed has committed nothing.
    /// </summary>
    [Id(3)]
    public ImmutableList<StockAllocation> Committing { get; init; } = [];

    /// <summary>RMAs claimed here and written with their claim, not yet opened at their grain; the next activation opens them.</summary>
    [Id(4)]
    public ImmutableList<RmaOpening> Opening { get; init; } = [];

    /// <summary>The unpaid timeout's reminder is registered (set once, right after intake of an unpaid order).</summary>
    [Id(5)]
    public bool UnpaidWatched { get; init; }
}
