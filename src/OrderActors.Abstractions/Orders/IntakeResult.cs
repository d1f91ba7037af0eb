using Orleans;

namespace OrderActors.Abstractions.Orders;

/// <summary>The answer to a channel order: which order it is, where it stands, and whether it was a re-post.</summary>
[GenerateSerializer, Alias("oa.IntakeResult")]
public sealed record IntakeResult(string OrderId, OrderStatus Status, bool Duplicate, IReadOnlyList<OrderHold> Holds);

/// <summary>A carrier's tracking update, matched to an order by its tracking number.</summary>
[GenerateSerializer, Immutable, Alias("oa.CarrierEvent")]
public sealed record CarrierEvent(string Carrier, string TrackingNo, CarrierEventKind Kind, DateTimeOffset At);

/// <summary>What a carrier reports.</summary>
[GenerateSerializer, Alias("oa.CarrierEventKind")]
public enum CarrierEventKind
{
    /// <summary>已揽收.</summary>
    PickedUp,
    /// <summary>在途.</summary>
    InTransit,
    /// <summary>派送中.</summary>
    OutForDelivery,
    /// <summary>已签收.</summary>
    Delivered,
    /// <summary>异常 (lost, damaged, refused).</summary>
    Exception,
}

/// <summary>Sent by a warehouse whose breaker opened: move this order's stock elsewhere and report back.</summary>
[GenerateSerializer, Immutable, Alias("oa.RerouteRequest")]
public sealed record RerouteRequest(string WarehouseId, long TripEpoch, string Reason);

/// <summary>What happened to an order asked to reroute.</summary>
[GenerateSerializer, Alias("oa.RerouteOutcome")]
public enum RerouteOutcome
{
    Rerouted,
    Unroutable,
    /// <summary>Nothing to do: shipped, cancelled or no longer allocated there.</summary>
    NotAffected,
}
