using OrderActors.Abstractions.Errors;
using OrderActors.Abstractions.Orders;

namespace OrderActors.Domain.Orders;

/// <summary>
/// A later status change from the platform, applied to the order in unified terms. Platforms push at least once and
/// out of order (paid after shipped, cancelled after refunded): a message the order is already past is kept as a
/// timeline note and changes nothing else, never an error the platform would retry for ever; the same note twice in a
/// row is written once.
/// </summary>
public static class PlatformEvents
{
    public static OrderRecord Apply(OrderRecord order, PlatformEvent platformEvent)
    {
        try
        {
            return ApplyInOrder(order, platformEvent);
        }
        catch (IllegalTransitionException ex)
        {
            return OrderCommands.Note(order with { PlatformStatus = platformEvent.PlatformStatus }, platformEvent.At,
                Source(platformEvent), $"platform status {platformEvent.PlatformStatus} arrived after the order moved on; kept {order.Status} ({ex.Message})");
        }
    }

    private static string Source(PlatformEvent platformEvent) => $"channel:{platformEvent.Channel.ToString().ToLowerInvariant()}";

    private static OrderRecord ApplyInOrder(OrderRecord order, PlatformEvent platformEvent)
    {
        string source = Source(platformEvent);
        DateTimeOffset at = platformEvent.At;
        OrderRecord seen = order with { PlatformStatus = platformEvent.PlatformStatus };
        return platformEvent.Kind switch
        {
            PlatformEventKind.Paid when order is { Status: OrderStatus.Cancelled, IsPaid: false } => PaidAfterCancel(seen, at, source),
            PlatformEventKind.Paid => order.IsPaid && order.Status is not (OrderStatus.PendingPayment or OrderStatus.Paid)
                ? OrderCommands.Note(seen, at, source, $"platform reports paid ({platformEvent.PlatformStatus}) after the order moved on to {order.Status}")
                : OrderCommands.MarkPaid(seen, at, source),
            PlatformEventKind.Cancelled => order.Status == OrderStatus.Cancelled ? seen : OrderCommands.Cancel(seen, "cancelled on the platform", at, source),
            PlatformEventKind.RefundRequested => order.Status switch
            {
                OrderStatus.Cancelled => seen,
                OrderStatus.Shipped or OrderStatus.InTransit or OrderStatus.Delivered or OrderStatus.Completed or OrderStatus.Returning =>
                    OrderCommands.Note(seen, at, source, $"platform refund request ({platformEvent.PlatformStatus}){(platformEvent.Note is null ? "" : $": {platformEvent.Note}")}"),
                _ => OrderCommands.Cancel(seen, "buyer requested a refund before shipment", at, source),
            },
            PlatformEventKind.Shipped => OrderCommands.Note(seen with { PlatformStage = OrderStatus.Shipped }, at, source,
                $"platform reports shipped ({platformEvent.PlatformStatus})"),
            PlatformEventKind.Delivered => Delivered(seen with { PlatformStage = OrderStatus.Delivered }, at, source),
            PlatformEventKind.Completed => Completed(seen with { PlatformStage = OrderStatus.Completed }, at, source),
            _ => OrderCommands.Note(seen, at, source, $"platform status {platformEvent.PlatformStatus}"),
        };
    }

    /// <summary>Money for an order already cancelled (the platform had not closed it yet): kept cancelled, flagged for a person.</summary>
    private static OrderRecord PaidAfterCancel(OrderRecord order, DateTimeOffset at, string source) =>
        OrderCommands.Note(order with
        {
            IsPaid = true,
            PaidAt = at,
            Holds = order.Holds.Add(new OrderHold(HoldCodes.PaidAfterCancel,
                "the buyer paid after the order was cancelled: refund the payment on the platform, or ask the buyer to order again", at, Blocking: false)),
        }, at, source, "platform reports paid after the order was cancelled: kept cancelled, flagged paid_after_cancel");

    private static OrderRecord Delivered(OrderRecord order, DateTimeOffset at, string source) => order.Status switch
    {
        OrderStatus.Shipped or OrderStatus.InTransit => OrderCommands.ResolveDiscrepancy(OrderLifecycle.Move(order, OrderStatus.Delivered, at, source, "platform reports received")),
        _ => OrderCommands.Note(OrderCommands.ResolveDiscrepancy(order), at, source, "platform reports received"),
    };

    private static OrderRecord Completed(OrderRecord order, DateTimeOffset at, string source) =>
        OrderLifecycle.CanMove(order.Status, OrderStatus.Completed) && order.Status != OrderStatus.Returning
            ? OrderCommands.Complete(order, at, source)
            : OrderCommands.Note(order, at, source, "platform reports completed");
}
