using System.Collections.Immutable;
using OrderActors.Abstractions.AfterSales;
using OrderActors.Abstractions.Common;
using Orleans;
using Orleans.Concurrency;

namespace OrderActors.Abstractions.Orders;

/// <summary>One order's unified lifecycle (key: <c>tenant/{channel}-{externalOrderId}</c>).</summary>
[Alias("oa.IOrderGrain")]
public interface IOrderGrain : IGrainWithStringKey
{
    /// <summary>Records a channel order once; a re-post answers duplicate and changes nothing.</summary>
    [Alias("SubmitAsync")]
    Task<IntakeResult> SubmitAsync(NormalizedOrder order, DateTimeOffset receivedAt);

    /// <summary>The order, or null when no channel ever submitted it.</summary>
    [Alias("GetAsync")]
    Task<OrderRecord?> GetAsync();

    /// <summary>Applies a later platform status change (paid, cancelled, refund requested, shipped, received).</summary>
    [Alias("ApplyPlatformEventAsync")]
    Task<OrderRecord> ApplyPlatformEventAsync(PlatformEvent platformEvent);

    /// <summary>Applies a carrier's tracking update.</summary>
    [Alias("ApplyCarrierEventAsync")]
    Task<OrderRecord> ApplyCarrierEventAsync(CarrierEvent carrierEvent);

    /// <summary>已出库: commits the reserved stock; needs a carrier and tracking number.</summary>
    [Alias("ShipAsync")]
    Task<OrderRecord> ShipAsync(string carrier, string trackingNo, string source);

    /// <summary>Cancels before shipping and releases the reserved stock.</summary>
    [Alias("CancelAsync")]
    Task<OrderRecord> CancelAsync(string? reason, string source);

    /// <summary>Clears blocking holds and resumes the flow.</summary>
    [Alias("ReleaseHoldAsync")]
    Task<OrderRecord> ReleaseHoldAsync(string? note, string source);

    /// <summary>The platform's decrypt result for an encrypted receiver: replaces the ciphertext and clears <c>pii_encrypted</c>.</summary>
    [Alias("DecryptReceiverAsync")]
    Task<OrderRecord> DecryptReceiverAsync(string name, string phone, string detail, string source);

    /// <summary>Marks a shipped order delivered on an operator's word.</summary>
    [Alias("DeliverAsync")]
    Task<OrderRecord> DeliverAsync(string source);

    /// <summary>Closes a delivered order.</summary>
    [Alias("CompleteAsync")]
    Task<OrderRecord> CompleteAsync(string source);

    /// <summary>
    /// Claims units of this shipped order for a new RMA, quotes its refund and opens it (the order becomes Returning).
    /// More units than remain returnable are refused; two requests racing for the same units: the first wins.
    /// </summary>
    [Alias("OpenReturnAsync")]
    Task<RmaRecord> OpenReturnAsync(ReturnRequest request);

    /// <summary>Quotes an open RMA again on the units that came back.</summary>
    [Alias("RequoteReturnAsync")]
    Task<RefundQuote> RequoteReturnAsync(string rmaId, ImmutableList<ReturnUnits> units, Money insurance);

    /// <summary>An RMA moved: the order records it on its claim and timeline, and leaves Returning after the last open one. Idempotent.</summary>
    [Alias("ReturnMovedAsync")]
    Task<RefundQuote> ReturnMovedAsync(string rmaId, RmaStatus status, string source);

    /// <summary>Continues the flow where it stands (reserve and allocate a paid order); a no-op otherwise.</summary>
    [OneWay]
    [Alias("ProcessAsync")]
    Task ProcessAsync();

    /// <summary>A warehouse breaker opened: move the stock held there elsewhere and report to the warehouse.</summary>
    [OneWay]
    [Alias("RerouteAsync")]
    Task RerouteAsync(RerouteRequest request);
}
