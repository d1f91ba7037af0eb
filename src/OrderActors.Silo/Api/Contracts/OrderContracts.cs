using OrderActors.Abstractions.Common;
using OrderActors.Domain.AfterSales;
using OrderActors.Abstractions.Orders;

namespace OrderActors.Silo.Api.Contracts;

/// <summary>An order as the REST API shows it: money in fen, receiver and street masked; the buyer's tracking page.</summary>
public sealed record OrderResponse(
    string OrderId, string Channel, string ExternalOrderId, OrderStatus Status, string CustomerStatus,
    IReadOnlyList<OrderLineResponse> Lines, long AmountFen, long ShippingFeeFen, string? BuyerNote,
    AddressResponse ShippingAddress, ReceiverResponse Receiver, IReadOnlyList<HoldResponse> Holds,
    IReadOnlyList<TimelineResponse> Timeline, IReadOnlyList<ExplanationResponse> AllocationExplanation,
    string? Carrier, string? TrackingNo, int Reroutes, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    IReadOnlyList<OrderReturnResponse> Returns, string TrackingUrl)
{
    public static OrderResponse From(OrderRecord o, string trackingUrl) => new(
        o.OrderId,
        o.Channel.ToRouteName(),
        o.ExternalOrderId,
        o.Status,
        CustomerStatuses.LabelOf(o.Status),
        o.Lines.Select(OrderLineResponse.From).ToList(),
        o.AmountPaid.Fen,
        o.ShippingFee.Fen,
        o.BuyerNote,
        new AddressResponse(o.ShippingAddress.Province, o.ShippingAddress.City, o.ShippingAddress.District, "***"),
        ReceiverResponse.From(o.Receiver),
        o.Holds.Select(h => new HoldResponse(h.Code, h.Message, h.At, h.Blocking)).ToList(),
        o.Timeline.Select(t => new TimelineResponse(t.Status, t.At, t.Source, t.Note)).ToList(),
        o.AllocationExplanation.Select(e => new ExplanationResponse(e.Layer, e.Text)).ToList(),
        o.Carrier,
        o.TrackingNo,
        o.Reroutes,
        o.CreatedAt,
        o.UpdatedAt,
        o.Returns.Select(c => new OrderReturnResponse(c.RmaId, RmaLifecycle.KindName(c.Kind), c.Status, c.Open, c.Quote.Total.Fen)).ToList(),
        trackingUrl);
}

public sealed record OrderLineResponse(
    string? Sku, string PlatformSkuId, string Title, string? Variant, int Quantity, long UnitPriceFen, long LineDiscountFen,
    long OrderDiscountShareFen, IReadOnlyList<AllocationResponse> Allocations)
{
    public static OrderLineResponse From(OrderLineRecord l) => new(
        l.MasterSku, l.PlatformSkuId, l.Title, l.Variant, l.Quantity, l.UnitPrice.Fen, l.LineDiscount.Fen, l.OrderDiscountShare.Fen,
        l.Allocations.GroupBy(a => a.WarehouseId).Select(g => new AllocationResponse(g.Key, g.Sum(a => a.Quantity))).ToList());
}

public sealed record AllocationResponse(string WarehouseId, int Quantity);

public sealed record AddressResponse(string Province, string City, string District, string Detail);

/// <summary>The receiver, masked; platform ciphertext is not shown at all (<see cref="Encrypted"/> says it is waiting for the decrypt result).</summary>
public sealed record ReceiverResponse(string Name, string Phone, bool Encrypted = false)
{
    private const string Hidden = "(encrypted)";

    public static ReceiverResponse From(Contact receiver) => receiver.Encrypted
        ? new ReceiverResponse(Hidden, Hidden, Encrypted: true)
        : new ReceiverResponse(Masking.Name(receiver.Name), receiver.PhoneMasked ? receiver.Phone : Masking.Phone(receiver.Phone));
}

public sealed record HoldResponse(string Code, string Message, DateTimeOffset At, bool Blocking);

public sealed record TimelineResponse(OrderStatus Status, DateTimeOffset At, string Source, string? Note);

public sealed record ExplanationResponse(string Layer, string Text);

/// <summary>The answer to a channel order.</summary>
public sealed record IntakeResponse(string OrderId, OrderStatus Status, bool Duplicate, IReadOnlyList<HoldResponse> Holds);

public sealed record ShipRequest(string? Carrier, string? TrackingNo);

public sealed record ReasonRequest(string? Reason);

public sealed record NoteRequest(string? Note);

/// <summary>What the platform's decrypt API gave for an encrypted receiver.</summary>
public sealed record ReceiverRequest(string? Name, string? Phone, string? Detail);

public sealed record CarrierTrackingRequest(string? TrackingNo, string? Event, DateTimeOffset? At);

/// <summary>One row of the order list, from the projection.</summary>
public sealed record OrderSummaryResponse(
    string OrderId, string Channel, string ExternalOrderId, OrderStatus Status, string CustomerStatus, long AmountFen,
    IReadOnlyList<string> WarehouseIds, IReadOnlyList<string> HoldCodes, IReadOnlyList<SummaryHold> Holds, int Reroutes,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>A hold as the order list shows it.</summary>
public sealed record SummaryHold(string Code, string Message, bool Blocking);

public sealed record PageResponse<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total);
