using System.Collections.Immutable;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;

namespace OrderActors.Domain.Tests.Support;

/// <summary>Builds orders in a given state for lifecycle tests.</summary>
public sealed class OrderRecordBuilder
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 11, 0, 0, 0, TimeSpan.Zero);
    private OrderRecord _order = new()
    {
        OrderId = "taobao-1001",
        Channel = Channel.Taobao,
        ExternalOrderId = "1001",
        Status = OrderStatus.Paid,
        PlatformStatus = "WAIT_SELLER_SEND_GOODS",
        PlatformStage = OrderStatus.Paid,
        IsPaid = true,
        CreatedAt = T0,
        ReceivedAt = T0,
        UpdatedAt = T0,
        Lines = [new OrderLineRecord { LineNo = 1, PlatformSkuId = "p-1", MasterSku = "SKU-1", Title = "杯子", Quantity = 2, UnitPrice = new Money(5000) }],
        AmountPaid = new Money(10000),
    };

    public static DateTimeOffset Start => T0;

    public OrderRecordBuilder InStatus(OrderStatus status) { _order = _order with { Status = status }; return this; }

    public OrderRecordBuilder Unpaid() { _order = _order with { IsPaid = false, Status = OrderStatus.PendingPayment, PlatformStage = OrderStatus.PendingPayment }; return this; }

    public OrderRecordBuilder AllocatedAt(string warehouseId)
    {
        _order = _order with
        {
            Status = OrderStatus.Allocated,
            Lines = _order.Lines.Select(l => l with
            {
                Allocations = [new StockAllocation(warehouseId, l.MasterSku!, 0, l.Quantity, $"{_order.OrderId}|{l.LineNo}|{warehouseId}|0")],
            }).ToImmutableList(),
        };
        return this;
    }

    public OrderRecord Build() => _order;
}
