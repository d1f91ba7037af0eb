using Orleans;

namespace OrderActors.Abstractions.Orders;

/// <summary>The unified order lifecycle every platform's statuses map onto.</summary>
[GenerateSerializer, Alias("oa.OrderStatus")]
public enum OrderStatus
{
    /// <summary>待付款: created on the platform, not paid yet.</summary>
    PendingPayment,
    /// <summary>已付款: paid, stock not reserved yet.</summary>
    Paid,
    /// <summary>已锁库: stock reserved.</summary>
    Reserved,
    /// <summary>已分仓: a warehouse is chosen for every line.</summary>
    Allocated,
    /// <summary>已出库: left the warehouse with a tracking number.</summary>
    Shipped,
    /// <summary>在途: the carrier has it.</summary>
    InTransit,
    /// <summary>已签收: the carrier says delivered.</summary>
    Delivered,
    /// <summary>已完成: closed.</summary>
    Completed,
    /// <summary>挂起: stopped for a person to look at (see the order's holds).</summary>
    OnHold,
    /// <summary>已取消.</summary>
    Cancelled,
    /// <summary>退货中: a return is under way.</summary>
    Returning,
    /// <summary>已退款.</summary>
    Refunded,
}

/// <summary>The four-stage status buyers and customer service see, plus cancelled and after-sales.</summary>
[GenerateSerializer, Alias("oa.CustomerStatus")]
public enum CustomerStatus
{
    /// <summary>待付款.</summary>
    AwaitingPayment,
    /// <summary>待发货.</summary>
    AwaitingShipment,
    /// <summary>运输中.</summary>
    InTransit,
    /// <summary>已完成.</summary>
    Completed,
    /// <summary>已取消.</summary>
    Cancelled,
    /// <summary>售后中.</summary>
    AfterSales,
}
