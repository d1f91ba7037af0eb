using System.Collections.Immutable;
using OrderActors.Abstractions.Errors;
using OrderActors.Abstractions.Orders;
using OrderActors.Domain.Intake;

namespace OrderActors.Domain.Orders;

/// <summary>
/// What operators, channels and the flow do to an order, as pure functions: each checks the current
/// status, returns the changed copy with its timeline entry, or throws naming the current status.
/// Stock is the grain's business; these only record what the grain did.
/// </summary>
public static class OrderCommands
{
    public static OrderRecord Hold(OrderRecord order, IEnumerable<OrderHold> holds, DateTimeOffset at, string source)
    {
        ImmutableList<OrderHold> added = holds.ToImmutableList();
        OrderRecord held = order with { Holds = order.Holds.AddRange(added), AllocationExplanation = order.AllocationExplanation };
        string note = string.Join("; ", added.Select(h => $"{h.Code}: {h.Message}"));
        return order.Status == OrderStatus.OnHold
            ? held with { UpdatedAt = at, Timeline = held.Timeline.Add(new TimelineEntry(OrderStatus.OnHold, at, source, note)) }
            : OrderLifecycle.Move(held, OrderStatus.OnHold, at, source, note);
    }

    /// <summary>
    /// A person dealt with the order's holds: they are cleared, except <c>pii_encrypted</c>, which only the decrypt
    /// result clears (<see cref="ReceiverDecrypted"/>). An order on hold goes back where the flow
    /// continues (Paid, or PendingPayment); on any other order this acknowledges non-blocking holds
    /// (a carrier discrepancy) and leaves the status as it is.
    /// An order on hold whose lines need mapping again (<see cref="LineRemapping.IsNeeded"/>) is mapped with
    /// <paramref name="current"/> in the same change; if a line still has no master SKU it stays on hold (<c>unmapped_sku</c>).
    /// </summary>
    /// <param name="current">The tenant's mappings now; required when <see cref="LineRemapping.IsNeeded"/>, else unused.</param>
    public static OrderRecord ReleaseHolds(OrderRecord order, string? note, DateTimeOffset at, string source, CurrentMappings? current = null)
    {
        if (order.Status != OrderStatus.OnHold && order.Holds.IsEmpty)
        {
            throw new IllegalTransitionException($"Order {order.OrderId}", order.Status.ToString(), "release holds (it has none)");
        }
        ImmutableList<OrderHold> kept = order.Holds.RemoveAll(h => h.Code != HoldCodes.PiiEncrypted);
        string released = $"released {string.Join(", ", order.Holds.Except(kept).Select(h => h.Code).Distinct())}{(string.IsNullOrWhiteSpace(note) ? "" : $": {note}")}";
        OrderRecord cleared = order with { Holds = kept };
        if (order.Status != OrderStatus.OnHold)
        {
            return Note(cleared, at, source, released);
        }
        if (LineRemapping.IsNeeded(order))
        {
            (ImmutableList<OrderLineRecord> lines, IReadOnlyList<OrderHold> holds) = LineRemapping.Remap(
                cleared, current ?? throw new ArgumentNullException(nameof(current), $"Order {order.OrderId} needs the current mappings to be released."), at);
            cleared = cleared with { Lines = lines };
            if (holds.Count > 0)
            {
                return Hold(Note(cleared, at, source, released), holds, at, "release");
            }
        }
        return OrderLifecycle.Move(cleared, order.IsPaid ? OrderStatus.Paid : OrderStatus.PendingPayment, at, source, released);
    }

    public static OrderRecord MarkPaid(OrderRecord order, DateTimeOffset at, string source)
    {
        if (order.IsPaid)
        {
            return order;
        }
        OrderRecord paid = order with { IsPaid = true, PaidAt = at };
        return order.Status == OrderStatus.PendingPayment
            ? OrderLifecycle.Move(paid, OrderStatus.Paid, at, source)
            : paid with { UpdatedAt = at };
    }

    /// <summary>Records the reservations made for every line and the reasoning: Paid → Reserved → Allocated (已分仓).</summary>
    public static OrderRecord Allocated(
        OrderRecord order, IReadOnlyDictionary<int, ImmutableList<StockAllocation>> allocationsByLine,
        IReadOnlyList<ExplanationEntry> explanation, DateTimeOffset at)
    {
        OrderLifecycle.Require(order, "allocate stock", OrderStatus.Paid);
        OrderRecord withStock = WithAllocations(order, allocationsByLine) with { AllocationExplanation = explanation.ToImmutableList() };
        OrderRecord reserved = OrderLifecycle.Move(withStock, OrderStatus.Reserved, at, "system", "stock reserved");
        return OrderLifecycle.Move(reserved, OrderStatus.Allocated, at, "system", $"allocated to {Warehouses(withStock)}");
    }

    /// <summary>Records a move to other warehouses after a breaker opened; stays Allocated with the reroute on the timeline.</summary>
    public static OrderRecord Rerouted(
        OrderRecord order, IReadOnlyDictionary<int, ImmutableList<StockAllocation>> allocationsByLine,
        IReadOnlyList<ExplanationEntry> explanation, string fromWarehouse, DateTimeOffset at)
    {
        OrderLifecycle.Require(order, "reroute", OrderStatus.Allocated);
        OrderRecord moved = WithAllocations(order, allocationsByLine) with
        {
            AllocationExplanation = explanation.ToImmutableList(),
            Reroutes = order.Reroutes + 1,
        };
        return OrderLifecycle.Move(moved, OrderStatus.Allocated, at, "system", $"rerouted from {fromWarehouse} to {Warehouses(moved)}");
    }

    /// <summary>Drops every allocation (stock released or drained) without changing the status.</summary>
    public static OrderRecord WithoutAllocations(OrderRecord order) =>
        order with { Lines = order.Lines.Select(l => l with { Allocations = [] }).ToImmutableList() };

    /// <summary>已出库: needs the order allocated (so paid) and a tracking number.</summary>
    public static OrderRecord Ship(OrderRecord order, string carrier, string trackingNo, DateTimeOffset at, string source)
    {
        if (string.IsNullOrWhiteSpace(trackingNo))
        {
            throw new CommandValidationException("trackingNo", "A tracking number is required to ship.");
        }
        if (string.IsNullOrWhiteSpace(carrier))
        {
            throw new CommandValidationException("carrier", "A carrier is required to ship.");
        }
        OrderLifecycle.Require(order, "ship (only allocated orders ship)", OrderStatus.Allocated);
        if (order.Holds.Any(h => h.Code == HoldCodes.PiiEncrypted))
        {
            throw new IllegalTransitionException(
                $"Order {order.OrderId} has its receiver still encrypted: post the platform's decrypt result to /receiver before shipping.");
        }
        OrderRecord shipped = order with { Carrier = carrier.Trim(), TrackingNo = trackingNo.Trim() };
        return OrderLifecycle.Move(shipped, OrderStatus.Shipped, at, source, $"{carrier} {trackingNo} from {Warehouses(order)}");
    }

    /// <summary>
    /// The platform's decrypt API answered: the receiver and street replace the ciphertext, and the
    /// <c>pii_encrypted</c> hold is cleared, so the order may ship.
    /// </summary>
    public static OrderRecord ReceiverDecrypted(OrderRecord order, string name, string phone, string detail, DateTimeOffset at, string source)
    {
        if (!order.Receiver.Encrypted)
        {
            throw new IllegalTransitionException($"Order {order.OrderId} has no encrypted receiver to replace.");
        }
        OrderRecord decrypted = order with
        {
            Receiver = PhoneNumbers.Receiver(name, phone),
            ShippingAddress = order.ShippingAddress with { Detail = detail.Trim() },
            Holds = order.Holds.RemoveAll(h => h.Code == HoldCodes.PiiEncrypted),
        };
        return Note(decrypted, at, source, "receiver decrypted: pii_encrypted released");
    }

    public static OrderRecord Cancel(OrderRecord order, string? reason, DateTimeOffset at, string source)
    {
        OrderLifecycle.Require(order, order.Status is OrderStatus.Cancelled or OrderStatus.Refunded
                ? "cancel (it is already closed)"
                : "cancel (it has left the warehouse: ask for a refund instead)",
            OrderStatus.PendingPayment, OrderStatus.Paid, OrderStatus.Reserved, OrderStatus.Allocated, OrderStatus.OnHold);
        return OrderLifecycle.Move(WithoutAllocations(order), OrderStatus.Cancelled, at, source, reason);
    }

    /// <summary>A carrier's update: in transit, or delivered (a delivery the platform does not confirm yet is flagged).</summary>
    public static OrderRecord ApplyCarrier(OrderRecord order, CarrierEvent carrierEvent)
    {
        string source = CarrierNotes.Source(carrierEvent.Carrier);
        switch (carrierEvent.Kind)
        {
            case CarrierEventKind.PickedUp or CarrierEventKind.InTransit or CarrierEventKind.OutForDelivery:
                return order.Status == OrderStatus.Shipped
                    ? OrderLifecycle.Move(order, OrderStatus.InTransit, carrierEvent.At, source, CarrierNotes.Describe(carrierEvent))
                    : Note(order, carrierEvent.At, source, CarrierNotes.Describe(carrierEvent));
            case CarrierEventKind.Delivered:
                OrderLifecycle.Require(order, "mark delivered", OrderStatus.Shipped, OrderStatus.InTransit);
                OrderRecord delivered = OrderLifecycle.Move(order, OrderStatus.Delivered, carrierEvent.At, source, CarrierNotes.DeliveredNote);
                return order.PlatformStage is OrderStatus.Delivered or OrderStatus.Completed
                    ? delivered
                    : delivered with
                    {
                        Holds = delivered.Holds.Add(new OrderHold(HoldCodes.CarrierDiscrepancy,
                            $"{carrierEvent.Carrier} says delivered but {order.Channel} still says {order.PlatformStatus}: confirm with the buyer",
                            carrierEvent.At, Blocking: false)),
                    };
            default:
                return Note(order, carrierEvent.At, source, CarrierNotes.Describe(carrierEvent)) with
                {
                    Holds = order.Holds.Add(new OrderHold("carrier_exception", $"{carrierEvent.Carrier} reports an exception", carrierEvent.At, Blocking: false)),
                };
        }
    }

    /// <summary>Delivered by an operator's word, without a carrier feed.</summary>
    public static OrderRecord Deliver(OrderRecord order, DateTimeOffset at, string source)
    {
        OrderLifecycle.Require(order, "mark delivered", OrderStatus.Shipped, OrderStatus.InTransit);
        return OrderLifecycle.Move(order, OrderStatus.Delivered, at, source);
    }

    public static OrderRecord Complete(OrderRecord order, DateTimeOffset at, string source) =>
        OrderLifecycle.Move(ResolveDiscrepancy(order), OrderStatus.Completed, at, source);

    /// <summary>A confirmation from the platform clears a carrier discrepancy.</summary>
    public static OrderRecord ResolveDiscrepancy(OrderRecord order) =>
        order with { Holds = order.Holds.RemoveAll(h => h.Code == HoldCodes.CarrierDiscrepancy) };

    /// <summary>Adds a timeline note; the same note from the same source right after itself (a platform's re-push) is not repeated.</summary>
    public static OrderRecord Note(OrderRecord order, DateTimeOffset at, string source, string note) =>
        order.Timeline.LastOrDefault() is { } last && last.Source == source && last.Note == note && last.Status == order.Status
            ? order
            : order with { UpdatedAt = at, Timeline = order.Timeline.Add(new TimelineEntry(order.Status, at, source, note)) };

    private static OrderRecord WithAllocations(OrderRecord order, IReadOnlyDictionary<int, ImmutableList<StockAllocation>> allocationsByLine) =>
        order with
        {
            Lines = order.Lines
                .Select(l => l with { Allocations = allocationsByLine.TryGetValue(l.LineNo, out ImmutableList<StockAllocation>? a) ? a : [] })
                .ToImmutableList(),
        };

    private static string Warehouses(OrderRecord order) => string.Join(", ", order.Allocations.Select(a => a.WarehouseId).Distinct().Order());
}
