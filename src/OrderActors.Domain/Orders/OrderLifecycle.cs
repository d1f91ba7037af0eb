using System.Collections.Frozen;
using OrderActors.Abstractions.Errors;
using OrderActors.Abstractions.Orders;

namespace OrderActors.Domain.Orders;

/// <summary>
/// The unified lifecycle: which status may follow which, and what buyers see. Every change goes
/// through <see cref="Move"/>, which refuses illegal moves naming the current status and appends
/// the transition to the timeline.
/// </summary>
public static class OrderLifecycle
{
    private static readonly FrozenDictionary<OrderStatus, FrozenSet<OrderStatus>> Next = new Dictionary<OrderStatus, OrderStatus[]>
    {
        [OrderStatus.PendingPayment] = [OrderStatus.Paid, OrderStatus.OnHold, OrderStatus.Cancelled],
        [OrderStatus.Paid] = [OrderStatus.Reserved, OrderStatus.OnHold, OrderStatus.Cancelled],
        [OrderStatus.Reserved] = [OrderStatus.Allocated, OrderStatus.OnHold, OrderStatus.Cancelled],
        [OrderStatus.Allocated] = [OrderStatus.Allocated, OrderStatus.Shipped, OrderStatus.OnHold, OrderStatus.Cancelled],
        [OrderStatus.OnHold] = [OrderStatus.PendingPayment, OrderStatus.Paid, OrderStatus.Cancelled],
        [OrderStatus.Shipped] = [OrderStatus.InTransit, OrderStatus.Delivered, OrderStatus.Completed, OrderStatus.Returning],
        [OrderStatus.InTransit] = [OrderStatus.Delivered, OrderStatus.Completed, OrderStatus.Returning],
        [OrderStatus.Delivered] = [OrderStatus.Completed, OrderStatus.Returning],
        [OrderStatus.Completed] = [OrderStatus.Returning],
        [OrderStatus.Returning] = [OrderStatus.Refunded, OrderStatus.Shipped, OrderStatus.InTransit, OrderStatus.Delivered, OrderStatus.Completed],
        [OrderStatus.Cancelled] = [],
        [OrderStatus.Refunded] = [],
    }.ToFrozenDictionary(e => e.Key, e => e.Value.ToFrozenSet());

    public static bool CanMove(OrderStatus from, OrderStatus to) => Next[from].Contains(to);

    /// <summary>The order in status <paramref name="to"/>, with the transition on its timeline; throws if the move is illegal.</summary>
    public static OrderRecord Move(OrderRecord order, OrderStatus to, DateTimeOffset at, string source, string? note = null)
    {
        if (!CanMove(order.Status, to))
        {
            throw new IllegalTransitionException($"Order {order.OrderId}", order.Status.ToString(), $"move to {to}");
        }
        return order with
        {
            Status = to,
            UpdatedAt = at,
            Timeline = order.Timeline.Add(new TimelineEntry(to, at, source, note)),
        };
    }

    /// <summary>Throws unless the order is in one of <paramref name="allowed"/>.</summary>
    public static void Require(OrderRecord order, string attempted, params OrderStatus[] allowed)
    {
        if (!allowed.Contains(order.Status))
        {
            throw new IllegalTransitionException($"Order {order.OrderId}", order.Status.ToString(), attempted);
        }
    }

    /// <summary>Statuses in which the order holds reserved stock.</summary>
    public static bool HoldsStock(OrderStatus status) => status is OrderStatus.Reserved or OrderStatus.Allocated;
}
