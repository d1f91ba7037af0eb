using System.Collections.Immutable;
using Orleans;
using Orleans.Concurrency;

namespace OrderActors.Abstractions.AfterSales;

/// <summary>
/// One RMA (key <c>tenant/{rmaId}</c>, the id is <c>{orderId}-R{n}</c>). Only its order opens it; every later step
/// comes from an operator (or the platform) and tells the order, never the other way round, so no call cycle forms.
/// </summary>
[Alias("oa.IRmaGrain")]
public interface IRmaGrain : IGrainWithStringKey
{
    /// <summary>
    /// Called by the order that claimed the units. Idempotent: the order sends it again after a crash. Interleaves, so
    /// it can never wait behind a step of the same RMA that is waiting for the order.
    /// </summary>
    [AlwaysInterleave]
    [Alias("OpenAsync")]
    Task<RmaRecord> OpenAsync(RmaOpening opening);

    /// <summary>The RMA, or null when none was opened under this id.</summary>
    [Alias("GetAsync")]
    Task<RmaRecord?> GetAsync();

    [Alias("ApproveAsync")]
    Task<RmaRecord> ApproveAsync(string? note, string source);

    [Alias("RejectAsync")]
    Task<RmaRecord> RejectAsync(string? note, string source);

    /// <summary>Goods came back: good units go on hand at the receiving warehouse, damaged ones into its not-sellable count.</summary>
    [Alias("ReceiveAsync")]
    Task<RmaRecord> ReceiveAsync(ImmutableList<ReceivedSku> lines, string? warehouseId, string? note, string source);

    [Alias("RefundAsync")]
    Task<RmaRecord> RefundAsync(string source);

    [Alias("CloseAsync")]
    Task<RmaRecord> CloseAsync(string source);

    /// <summary>A person corrects the classifier's reason.</summary>
    [Alias("CorrectReasonAsync")]
    Task<RmaRecord> CorrectReasonAsync(string reasonCode, string source);
}
