namespace OrderActors.Notifications;

/// <summary>The event kinds the templates know, with the fields each reads. A missing field renders as "—".</summary>
public static class EventKinds
{
    /// <summary>Buyer SMS and shop groups (已发货). Fields: orderId, carrier, trackingNo, trackingUrl, eta.</summary>
    public const string OrderShipped = "order.shipped";

    /// <summary>Buyer SMS (待付款提醒). Fields: orderId, couponCode, cancelAt.</summary>
    public const string UnpaidReminder = "unpaid.reminder";

    /// <summary>Operations (仓库熔断). Fields: warehouseId, reason, rerouted, unroutable.</summary>
    public const string BreakerTripped = "breaker.tripped";

    /// <summary>Purchasing (库存不足). Fields: sku, warehouseId, available, shortfall, leadTimeDays.</summary>
    public const string StockLow = "stock.low";

    /// <summary>Customer service (升级工单). Fields: escalationId, subject, level, kind, assignee.</summary>
    public const string EscalationRaised = "escalation.raised";

    /// <summary>Customer service (升级级别变更). Fields: escalationId, subject, level, kind, assignee.</summary>
    public const string EscalationLevelled = "escalation.levelled";

    /// <summary>The warehouse (加急订单). Fields: orderId, tag, note.</summary>
    public const string OrderUrgent = "order.urgent";

    /// <summary>Every kind above.</summary>
    public static IReadOnlyList<string> All { get; } =
        [OrderShipped, UnpaidReminder, BreakerTripped, StockLow, EscalationRaised, EscalationLevelled, OrderUrgent];
}
