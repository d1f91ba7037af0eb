using Orleans;

namespace OrderActors.Abstractions.Stock;

/// <summary>A SKU's stock at one warehouse, summed over its buckets.</summary>
[GenerateSerializer, Immutable, Alias("oa.StockLevel")]
public sealed record StockLevel(string Sku, string WarehouseId, int OnHand, int Reserved, int SafetyStock, int Buckets)
{
    /// <summary>Units of approved returns on their way back: counted, not sellable.</summary>
    [Id(6)]
    public int ExpectedBack { get; init; }

    /// <summary>Returned damaged units kept here: not sellable.</summary>
    [Id(7)]
    public int Damaged { get; init; }

    /// <summary>可售: on hand − reserved − safety stock, never below zero.</summary>
    public int Available => (int)Math.Max(0L, (long)OnHand - Reserved - SafetyStock);
}

/// <summary>A SKU-warehouse's returns: expected units by RMA, damaged units, and the RMAs received (good, damaged).</summary>
[GenerateSerializer, Immutable, Alias("oa.StockReturns")]
public sealed record StockReturns(
    string Sku, string WarehouseId, IReadOnlyDictionary<string, int> Expected, int Damaged, IReadOnlyDictionary<string, ReturnReceipt> Received);

/// <summary>What one RMA brought back to one SKU-warehouse.</summary>
[GenerateSerializer, Immutable, Alias("oa.ReturnReceipt")]
public sealed record ReturnReceipt(int Good, int Damaged);

/// <summary>One reservation held in a bucket, by the order that holds it.</summary>
[GenerateSerializer, Immutable, Alias("oa.Reservation")]
public sealed record Reservation(string ReservationId, string OrderId, int Quantity);

/// <summary>A reservation and the bucket of a SKU's stock at one warehouse that holds it.</summary>
[GenerateSerializer, Immutable, Alias("oa.HeldReservation")]
public sealed record HeldReservation(string Sku, int Bucket, Reservation Reservation);

/// <summary>A bucket's full state, for allocation snapshots and the audit.</summary>
[GenerateSerializer, Alias("oa.BucketSnapshot")]
public sealed record BucketSnapshot(
    string Sku, string WarehouseId, int Bucket, int OnHand, int Reserved, int SafetyStock, bool Closed,
    IReadOnlyList<Reservation> Reservations, long Version)
{
    public int Available => (int)Math.Max(0L, (long)OnHand - Reserved - SafetyStock);
}

/// <summary>A bucket's levels after a change, reported one-way to the tenant catalog.</summary>
[GenerateSerializer, Immutable, Alias("oa.BucketLevel")]
public sealed record BucketLevel(string Sku, string WarehouseId, int Bucket, int OnHand, int Reserved, int SafetyStock, long Version);

/// <summary>How much of a reservation a bucket granted, and why not all of it.</summary>
[GenerateSerializer, Immutable, Alias("oa.ReserveOutcome")]
public sealed record ReserveOutcome(int Granted, ReserveRefusal? Refusal)
{
    public static ReserveOutcome Full(int quantity) => new(quantity, null);
}

/// <summary>Why a bucket granted less than asked.</summary>
[GenerateSerializer, Alias("oa.ReserveRefusal")]
public enum ReserveRefusal
{
    /// <summary>Not enough available in this bucket.</summary>
    Insufficient,
    /// <summary>The warehouse's breaker is open: the bucket takes no reservations.</summary>
    Closed,
}

/// <summary>A SKU running below its safety stock at a warehouse (低库存预警).</summary>
[GenerateSerializer, Immutable, Alias("oa.LowStockAlert")]
public sealed record LowStockAlert(string Sku, string WarehouseId, int Available, int OnHand, int Reserved, int SafetyStock);

/// <summary>The catalog's view of stock trouble: low-stock alerts and the number of oversold SKU-warehouse pairs (must be 0).</summary>
[GenerateSerializer, Alias("oa.StockHealth")]
public sealed record StockHealth(IReadOnlyList<LowStockAlert> LowStock, int Oversold);
