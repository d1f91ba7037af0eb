using System.Collections.Immutable;
using System.Text.Json.Serialization;
using OrderActors.Abstractions.Stock;
using Orleans;
using OrderActors.Persistence.Journal;
using Orleans.Runtime;

namespace OrderActors.Grains.Stock;

/// <summary>What happened to a stock bucket; its journal.</summary>
[JsonPolymorphic]
[JsonDerivedType(typeof(StockReserved), "reserved")]
[JsonDerivedType(typeof(StockReleased), "released")]
[JsonDerivedType(typeof(StockCommitted), "committed")]
[JsonDerivedType(typeof(StockAssigned), "assigned")]
[JsonDerivedType(typeof(BucketClosed), "closed")]
[JsonDerivedType(typeof(BucketReopened), "reopened")]
[JsonDerivedType(typeof(StockReturned), "returned")]
public abstract record BucketEvent;

public sealed record StockReserved(string ReservationId, string OrderId, int Quantity) : BucketEvent;

public sealed record StockReleased(string ReservationId) : BucketEvent;

/// <summary>The reserved units left the warehouse (出库).</summary>
public sealed record StockCommitted(string ReservationId) : BucketEvent;

/// <summary>This bucket's share of a stock count.</summary>
public sealed record StockAssigned(int OnHand, int SafetyStock) : BucketEvent;

/// <summary>The breaker opened: no new reservations; the held ones stay until their orders move them away.</summary>
public sealed record BucketClosed : BucketEvent;

public sealed record BucketReopened : BucketEvent;

/// <summary>Good units of a return came back on hand (退货入库), once per receipt.</summary>
public sealed record StockReturned(string ReceiptId, int Quantity) : BucketEvent;

/// <summary>
/// A bucket's stock. <see cref="Reserved"/> is kept alongside the reservations so that reserving stays
/// O(1); the audit checks that it equals their sum.
/// </summary>
[GenerateSerializer, Alias("oa.BucketState")]
public sealed record BucketState : IJournalState<BucketState, BucketEvent>
{
    [Id(0)]
    public int OnHand { get; init; }

    [Id(1)]
    public int SafetyStock { get; init; }

    [Id(2)]
    public int Reserved { get; init; }

    [Id(3)]
    public bool Closed { get; init; }

    [Id(4)]
    public ImmutableDictionary<string, Reservation> Reservations { get; init; } = ImmutableDictionary<string, Reservation>.Empty;

    /// <summary>
    /// The latest return receipts, so a receipt sent again (its sender crashed before recording it) is not counted twice.
    /// The sender records a receipt right after this bucket answers, so only the last few can ever come again.
    /// </summary>
    [Id(5)]
    public ImmutableList<string> RecentReceipts { get; init; } = [];

    public const int ReceiptMemory = 64;

    public int Available => (int)Math.Max(0L, (long)OnHand - Reserved - SafetyStock);

    public BucketState Apply(BucketEvent @event) => @event switch
    {
        StockReserved r => this with
        {
            Reserved = Reserved + r.Quantity,
            Reservations = Reservations.Add(r.ReservationId, new Reservation(r.ReservationId, r.OrderId, r.Quantity)),
        },
        StockReleased r => this with
        {
            Reserved = Reserved - Reservations[r.ReservationId].Quantity,
            Reservations = Reservations.Remove(r.ReservationId),
        },
        StockCommitted c => this with
        {
            OnHand = OnHand - Reservations[c.ReservationId].Quantity,
            Reserved = Reserved - Reservations[c.ReservationId].Quantity,
            Reservations = Reservations.Remove(c.ReservationId),
        },
        StockAssigned a => this with { OnHand = a.OnHand, SafetyStock = a.SafetyStock },
        BucketClosed => this with { Closed = true },
        BucketReopened => this with { Closed = false },
        StockReturned r => this with
        {
            OnHand = OnHand + r.Quantity,
            RecentReceipts = (RecentReceipts.Count >= ReceiptMemory ? RecentReceipts.RemoveAt(0) : RecentReceipts).Add(r.ReceiptId),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(@event), @event, "unknown bucket event"),
    };
}
