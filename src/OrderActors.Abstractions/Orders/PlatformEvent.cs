using Orleans;

namespace OrderActors.Abstractions.Orders;

/// <summary>What a later platform status change means for the unified order.</summary>
[GenerateSerializer, Alias("oa.PlatformEventKind")]
public enum PlatformEventKind
{
    Paid,
    Cancelled,
    RefundRequested,
    /// <summary>The platform marks the order shipped (seller clicked "发货" there).</summary>
    Shipped,
    /// <summary>The platform marks the order received by the buyer.</summary>
    Delivered,
    Completed,
    /// <summary>A status the mapping table knows and deliberately ignores.</summary>
    Ignored,
}

/// <summary>A platform status change read by a connector, in unified terms, with the platform's raw words kept.</summary>
[GenerateSerializer, Immutable, Alias("oa.PlatformEvent")]
public sealed record PlatformEvent(
    Channel Channel,
    string ExternalOrderId,
    PlatformEventKind Kind,
    string PlatformStatus,
    DateTimeOffset At,
    string? Note = null);
