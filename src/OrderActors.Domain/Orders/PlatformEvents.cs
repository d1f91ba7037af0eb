using OrderActors.Abstractions.Orders;

namespace OrderActors.Domain.Orders;

/// <summary>A later status change from the platform, applied to the order in unified terms.</summary>
public static class PlatformEvents
{
    public static OrderRecord Apply(OrderRecord order, PlatformEvent platformEvent)
    {
        string source = $"channel:{platformEvent.Channel.ToString().ToLowerInvariant()}";
        DateTimeOffset at = platformEvent.At;
        OrderRecord seen = order with { PlatformStatus = platformEvent.PlatformStatus };
        return platformEvent.Kind switch
        {
            PlatformEventKind.Paid => OrderCommands.MarkPaid(seen, at, source),
            PlatformEventKind.Cancelled => order.Status == OrderStatus.Cancelled ? seen : OrderCommands.Cancel(seen, "cancelled on the platform", at, source),
            PlatformEventKind.RefundRequested => order.Status is OrderStatus.Returning or OrderStatus.Cancelled
                ? seen
                : OrderCommands.RequestRefund(seen, at, source),
            PlatformEventKind.Shipped => OrderCommands.Note(seen with { PlatformStage = OrderStatus.Shipped }, at, source,
                $"platform reports shipped ({platformEvent.PlatformStatus})"),
            PlatformEventKind.Delivered => Delivered(seen with { PlatformStage = OrderStatus.Delivered }, at, source),
            PlatformEventKind.Completed => Completed(seen with { PlatformStage = OrderStatus.Completed }, at, source),
            _ => OrderCommands.Note(seen, at, source, $"platform status {platformEvent.PlatformStatus}"),
        };
    }

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
