using OrderActors.Runtime;

namespace OrderActors.Abstractions.Orders;

/// <summary>One order's unified lifecycle (key: <c>tenant/{channel}-{externalOrderId}</c>).</summary>
public interface IOrderGrain : IGrainWithStringKey
{
    /// <summary>Records a channel order once; a re-post answers duplicate and changes nothing.</summary>
    Task<IntakeResult> SubmitAsync(NormalizedOrder order, DateTimeOffset receivedAt);

    /// <summary>The order, or null when no channel ever submitted it.</summary>
    Task<OrderRecord?> GetAsync();

    /// <summary>Applies a later platform status change (paid, cancelled, refund requested, shipped, received).</summary>
    Task<OrderRecord> ApplyPlatformEventAsync(PlatformEvent platformEvent);

    /// <summary>Applies a carrier's tracking update.</summary>
    Task<OrderRecord> ApplyCarrierEventAsync(CarrierEvent carrierEvent);

    /// <summary>已出库: commits the reserved stock; needs a carrier and tracking number.</summary>
    Task<OrderRecord> ShipAsync(string carrier, string trackingNo, string source);

    /// <summary>Cancels before shipping and releases the reserved stock.</summary>
    Task<OrderRecord> CancelAsync(string? reason, string source);

    /// <summary>Clears blocking holds and resumes the flow.</summary>
    Task<OrderRecord> ReleaseHoldAsync(string? note, string source);

    /// <summary>Marks a shipped order delivered on an operator's word.</summary>
    Task<OrderRecord> DeliverAsync(string source);

    /// <summary>Closes a delivered order.</summary>
    Task<OrderRecord> CompleteAsync(string source);

    /// <summary>Continues the flow where it stands (reserve and allocate a paid order); a no-op otherwise.</summary>
    [OneWay]
    Task ProcessAsync();

    /// <summary>A warehouse breaker opened: move the stock held there elsewhere and report to the warehouse.</summary>
    [OneWay]
    Task RerouteAsync(RerouteRequest request);
}
