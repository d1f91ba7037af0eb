using OrderActors.Abstractions.AfterSales;

namespace OrderActors.Cli.Http;

// The returns (RMA) routes' response shapes as the CLI reads them; fields the CLI does not show are left out.
// Kinds stay strings: on the wire they are return, exchange and refund_only, not the enum's names.

/// <summary>GET /api/v1/returns/{rmaId}, and the answer to every return command; <see cref="NextStatuses"/> are the moves legal now.</summary>
public sealed record Rma(
    string RmaId, string OrderId, string Channel, string ExternalOrderId, string Kind, RmaStatus Status,
    IReadOnlyList<RmaLine> Lines, string? ReasonText, string? ReasonCode, double? ReasonConfidence, string? ReasonSource,
    string? ModelVersion, RmaRefund? Refund, string? ReplacementOrderId, ReturnAddress? ReturnAddress, IReadOnlyList<RmaStatus>? NextStatuses,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string? CreatedBy, IReadOnlyList<RmaTimelineEntry> Timeline);

/// <summary>Units of one order line in a return, and what came back of them.</summary>
public sealed record RmaLine(
    int LineNo, string Sku, string? Title, int Quantity, int ReceivedQuantity, int DamagedQuantity, string? WarehouseId);

/// <summary>The refund to the fen, with a sentence for every figure.</summary>
public sealed record RmaRefund(
    long GoodsFen, long CouponReturnFen, long ShippingFen, long InsuranceFen, long GiftDeductionFen, long CouponClawbackFen, long TotalFen,
    IReadOnlyList<RmaRefundLine> Lines, IReadOnlyList<string> Explanation);

/// <summary>One returned line's money.</summary>
public sealed record RmaRefundLine(int LineNo, string Sku, int Quantity, long PaidFen, long CouponShareFen, long RefundFen);

/// <summary>Where the buyer sends the goods.</summary>
public sealed record ReturnAddress(string WarehouseId, string? Name, string Text);

/// <summary>One status an RMA reached, when, from whom, and why.</summary>
public sealed record RmaTimelineEntry(RmaStatus Status, DateTimeOffset At, string Source, string? Note);

/// <summary>GET /api/v1/returns: one page, newest first.</summary>
public sealed record RmaPage(IReadOnlyList<RmaSummary> Items, int Page, int PageSize, long Total);

/// <summary>One row of the return list.</summary>
public sealed record RmaSummary(
    string RmaId, string OrderId, string Kind, RmaStatus Status, string? ReasonCode, string? ReasonText, long TotalFen,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>GET /api/v1/return-reasons: the codes in use, the classifier and how well it does on held-out returns.</summary>
public sealed record ReturnReasons(IReadOnlyList<ReasonCount> Codes, ReasonModel Model, ReasonEvaluation? Evaluation);

/// <summary>How many returns carry a reason code.</summary>
public sealed record ReasonCount(string Code, long Count);

/// <summary>The classifier in use.</summary>
public sealed record ReasonModel(string Version, DateTimeOffset? TrainedAt, int TrainExamples, int Corrections);

/// <summary>Accuracy on held-out examples, and the confusion table: actual code → predicted code → count.</summary>
public sealed record ReasonEvaluation(double Accuracy, int TestCount, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Confusion);

/// <summary>POST /api/v1/return-reasons/classify.</summary>
public sealed record ReasonClassification(string ReasonCode, double Confidence, string ModelVersion);
