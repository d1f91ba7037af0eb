using OrderActors.Abstractions.AfterSales;
using OrderActors.Domain.AfterSales;

namespace OrderActors.Silo.Api.Contracts;

/// <summary>POST /orders/{orderId}/returns.</summary>
public sealed record CreateReturnRequest(string? Kind, IReadOnlyList<ReturnLineRequest>? Lines, string? ReasonText, long? ShippingInsuranceFen);

public sealed record ReturnLineRequest(string? Sku, int? Quantity);

/// <summary>POST /returns/{rmaId}/receive.</summary>
public sealed record ReceiveReturnRequest(IReadOnlyList<ReceivedLineRequest>? Lines, string? WarehouseId, string? Note);

public sealed record ReceivedLineRequest(string? Sku, int? ReceivedQuantity, int? DamagedQuantity);

/// <summary>POST /returns/{rmaId}/reason.</summary>
public sealed record ReasonCorrectionRequest(string? ReasonCode);

/// <summary>POST /return-reasons/classify.</summary>
public sealed record ClassifyRequest(string? Text);

public sealed record ClassifyResponse(string ReasonCode, double Confidence, string ModelVersion);

/// <summary>An RMA as the REST API shows it: money in fen, the refund explained line by line.</summary>
public sealed record RmaResponse(
    string RmaId, string OrderId, string Channel, string ExternalOrderId, string Kind, RmaStatus Status,
    IReadOnlyList<RmaLineResponse> Lines, string ReasonText, string ReasonCode, double ReasonConfidence, string ReasonSource,
    string ModelVersion, RefundResponse Refund, string? ReplacementOrderId, ReturnAddressResponse? ReturnAddress,
    IReadOnlyList<RmaStatus> NextStatuses, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string CreatedBy,
    IReadOnlyList<RmaTimelineResponse> Timeline)
{
    public static RmaResponse From(RmaRecord r, ReturnAddressResponse? address) => new(
        r.RmaId, r.OrderId, r.Channel.ToString().ToLowerInvariant(), r.ExternalOrderId, RmaLifecycle.KindName(r.Kind), r.Status,
        r.Lines.Select(l => new RmaLineResponse(l.LineNo, l.Sku, l.Title, l.Quantity, l.ReceivedQuantity, l.DamagedQuantity, l.WarehouseId)).ToList(),
        r.ReasonText, r.ReasonCode, Math.Round(r.ReasonConfidence, 4), r.ReasonSource, r.ModelVersion, RefundResponse.From(r.Refund),
        r.ReplacementOrderId, address, RmaLifecycle.Next(r.Kind, r.Status), r.CreatedAt, r.UpdatedAt, r.CreatedBy,
        r.Timeline.Select(t => new RmaTimelineResponse(t.Status, t.At, t.Source, t.Note)).ToList());
}

public sealed record RmaLineResponse(int LineNo, string Sku, string Title, int Quantity, int ReceivedQuantity, int DamagedQuantity, string? WarehouseId);

public sealed record RefundResponse(
    long GoodsFen, long CouponReturnFen, long ShippingFen, long InsuranceFen, long GiftDeductionFen, long CouponClawbackFen, long TotalFen,
    IReadOnlyList<RefundLineResponse> Lines, IReadOnlyList<string> Explanation)
{
    public static RefundResponse From(RefundQuote q) => new(
        q.Goods.Fen, q.CouponReturn.Fen, q.Shipping.Fen, q.Insurance.Fen, q.GiftDeduction.Fen, q.CouponClawback.Fen, q.Total.Fen,
        q.Lines.Select(l => new RefundLineResponse(l.LineNo, l.Sku, l.Quantity, l.Paid.Fen, l.CouponShare.Fen, l.Refund.Fen)).ToList(),
        q.Explanation);
}

public sealed record RefundLineResponse(int LineNo, string Sku, int Quantity, long PaidFen, long CouponShareFen, long RefundFen);

public sealed record RmaTimelineResponse(RmaStatus Status, DateTimeOffset At, string Source, string? Note);

/// <summary>Where the buyer sends the goods: the receiving warehouse, as text for the QR code.</summary>
public sealed record ReturnAddressResponse(string WarehouseId, string Name, string Text);

/// <summary>One row of the RMA queue.</summary>
public sealed record RmaSummaryResponse(
    string RmaId, string OrderId, string Kind, RmaStatus Status, string ReasonCode, string ReasonSource, string ReasonText, long TotalFen,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>GET /returns/counts.</summary>
public sealed record RmaCountsResponse(IReadOnlyDictionary<string, long> ByStatus, IReadOnlyDictionary<string, long> ByReason);

/// <summary>An order's RMAs, on the order.</summary>
public sealed record OrderReturnResponse(string RmaId, string Kind, RmaStatus Status, bool Open, long TotalFen);
