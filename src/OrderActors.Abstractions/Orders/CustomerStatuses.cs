namespace OrderActors.Abstractions.Orders;

/// <summary>What buyers see of the lifecycle: four stages plus cancelled and after-sales, with their Chinese labels.</summary>
public static class CustomerStatuses
{
    public static CustomerStatus Of(OrderStatus status) => status switch
    {
        OrderStatus.PendingPayment => CustomerStatus.AwaitingPayment,
        OrderStatus.Paid or OrderStatus.Reserved or OrderStatus.Allocated or OrderStatus.OnHold => CustomerStatus.AwaitingShipment,
        OrderStatus.Shipped or OrderStatus.InTransit => CustomerStatus.InTransit,
        OrderStatus.Delivered or OrderStatus.Completed => CustomerStatus.Completed,
        OrderStatus.Cancelled => CustomerStatus.Cancelled,
        OrderStatus.Returning or OrderStatus.Refunded => CustomerStatus.AfterSales,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>The label operators and buyers read (待付款 …).</summary>
    public static string Label(this CustomerStatus status) => status switch
    {
        CustomerStatus.AwaitingPayment => "待付款",
        CustomerStatus.AwaitingShipment => "待发货",
        CustomerStatus.InTransit => "运输中",
        CustomerStatus.Completed => "已完成",
        CustomerStatus.Cancelled => "已取消",
        CustomerStatus.AfterSales => "售后中",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>The label of the customer status an order status shows as.</summary>
    public static string LabelOf(OrderStatus status) => Of(status).Label();
}
