using System.Collections.Immutable;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using Orleans;

namespace OrderActors.Abstractions.AfterSales;

/// <summary>One RMA (退货/换货/仅退款): what was asked, what came back, the refund and every step.</summary>
[GenerateSerializer, Immutable, Alias("oa.RmaRecord")]
public sealed record RmaRecord
{
    [Id(0)]
    public string RmaId { get; init; } = "";

    [Id(1)]
    public string OrderId { get; init; } = "";

    [Id(2)]
    public Channel Channel { get; init; }

    [Id(3)]
    public string ExternalOrderId { get; init; } = "";

    [Id(4)]
    public ReturnKind Kind { get; init; }

    [Id(5)]
    public RmaStatus Status { get; init; }

    [Id(6)]
    public ImmutableList<RmaLine> Lines { get; init; } = [];

    [Id(7)]
    public string ReasonText { get; init; } = "";

    [Id(8)]
    public string ReasonCode { get; init; } = "";

    [Id(9)]
    public double ReasonConfidence { get; init; }

    /// <summary>"model" (the classifier's guess) or "operator" (a person's correction).</summary>
    [Id(10)]
    public string ReasonSource { get; init; } = "model";

    [Id(11)]
    public string ModelVersion { get; init; } = "";

    [Id(12)]
    public RefundQuote Refund { get; init; } = RefundQuote.None("");

    /// <summary>运费险 the buyer claimed for this return (booked as the merchant's income).</summary>
    [Id(13)]
    public Money InsuranceClaimed { get; init; }

    /// <summary>Exchange: the replacement order, created on approval.</summary>
    [Id(14)]
    public string? ReplacementOrderId { get; init; }

    [Id(15)]
    public DateTimeOffset CreatedAt { get; init; }

    [Id(16)]
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Who opened it: <c>operator:alice</c>, <c>key:name</c>, <c>channel:taobao</c>.</summary>
    [Id(17)]
    public string CreatedBy { get; init; } = "";

    [Id(18)]
    public ImmutableList<RmaTimelineEntry> Timeline { get; init; } = [];

    public bool Open => Status is RmaStatus.Requested or RmaStatus.Approved or RmaStatus.Received;
}

/// <summary>
/// One returned order line: how many units were asked back, how many came back good and damaged, and the warehouse
/// that takes them (where the line shipped from unless the operator says otherwise).
/// </summary>
[GenerateSerializer, Immutable, Alias("oa.RmaLine")]
public sealed record RmaLine(
    int LineNo, string Sku, string PlatformSkuId, string Title, int Quantity, int ReceivedQuantity, int DamagedQuantity, string? WarehouseId);

/// <summary>One step of an RMA: to what, when, who and why.</summary>
[GenerateSerializer, Immutable, Alias("oa.RmaTimelineEntry")]
public sealed record RmaTimelineEntry(RmaStatus Status, DateTimeOffset At, string Source, string? Note = null);

/// <summary>What the order hands its new RMA: everything it needs without calling the order back.</summary>
[GenerateSerializer, Immutable, Alias("oa.RmaOpening")]
public sealed record RmaOpening(
    string RmaId, string OrderId, Channel Channel, string ExternalOrderId, ReturnKind Kind, ImmutableList<RmaLine> Lines,
    string ReasonText, Money InsuranceClaimed, RefundQuote Quote, DateTimeOffset At, string Source);

/// <summary>A return as an operator or a platform asks for it, in master SKUs.</summary>
[GenerateSerializer, Immutable, Alias("oa.ReturnRequest")]
public sealed record ReturnRequest(
    ReturnKind Kind, ImmutableList<ReturnedSku> Lines, string ReasonText, Money InsuranceClaimed, string Source);

[GenerateSerializer, Immutable, Alias("oa.ReturnedSku")]
public sealed record ReturnedSku(string Sku, int Quantity);

/// <summary>What came back for one SKU of an RMA.</summary>
[GenerateSerializer, Immutable, Alias("oa.ReceivedSku")]
public sealed record ReceivedSku(string Sku, int ReceivedQuantity, int DamagedQuantity);

/// <summary>The classifier's guess for a reason text.</summary>
[GenerateSerializer, Immutable, Alias("oa.ReasonGuess")]
public sealed record ReasonGuess(string ReasonCode, double Confidence, string ModelVersion);

/// <summary>Classifies a buyer's free-text return reason into the standard pool (built into the hub; an outside service may stand in).</summary>
public interface IReasonClassifier
{
    /// <summary>The pool's codes (the Chinese names themselves: 包装破损, 其他 …).</summary>
    IReadOnlyList<string> Codes { get; }

    ReasonGuess Classify(string text);
}
