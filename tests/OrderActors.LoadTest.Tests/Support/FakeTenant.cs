using OrderActors.Abstractions.Orders;
using OrderActors.Domain.Intake;

namespace OrderActors.LoadTest.Tests.Support;

/// <summary>One order in the fake hub.</summary>
public sealed class FakeOrder(string orderId, IReadOnlyList<(string Sku, int Quantity)> lines)
{
    public string OrderId { get; } = orderId;

    public IReadOnlyList<(string Sku, int Quantity)> Lines { get; } = lines;

    public OrderStatus Status { get; set; }

    public List<string> Holds { get; } = [];

    public List<(string Sku, string WarehouseId, int Quantity)> Allocations { get; } = [];
}

/// <summary>
/// One tenant of the fake hub: its catalog, stock, mappings and orders, guarded by one lock. Reservation and
/// allocation run on a background worker after intake, as in the real hub, so the load test's drain has
/// something to wait for.
/// </summary>
public sealed class FakeTenant : ISkuMappingLookup
{
    public object Gate { get; } = new();

    public HashSet<string> Warehouses { get; } = [];

    public HashSet<string> OpenWarehouses { get; } = [];

    public Dictionary<string, int> Buckets { get; } = [];

    public Dictionary<(string WarehouseId, string Sku), (int OnHand, int Reserved)> Stock { get; } = [];

    public Dictionary<(Channel, string), SkuMapping> Mappings { get; } = [];

    public Dictionary<string, FakeOrder> Orders { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> IdempotentAnswers { get; } = new(StringComparer.Ordinal);

    public long Reroutes { get; set; }

    public SkuMapping? Find(Channel channel, string platformSkuId)
    {
        lock (Gate)
        {
            return Mappings.GetValueOrDefault((channel, platformSkuId));
        }
    }

    /// <summary>Reserves every line at the first open warehouse that has it all, else holds the order out of stock. Caller holds the lock.</summary>
    public void Allocate(FakeOrder order, bool oversell)
    {
        string? warehouse = OpenWarehouses.Order(StringComparer.Ordinal).FirstOrDefault(id => order.Lines.All(line =>
            oversell || (Stock.TryGetValue((id, line.Sku), out (int OnHand, int Reserved) row) && row.OnHand - row.Reserved >= line.Quantity)));
        if (warehouse is null || (oversell && !order.Lines.All(line => Stock.ContainsKey((warehouse, line.Sku)))))
        {
            order.Status = OrderStatus.OnHold;
            order.Holds.Add(HoldCodes.OutOfStock);
            return;
        }
        foreach ((string sku, int quantity) in order.Lines)
        {
            (int onHand, int reserved) = Stock[(warehouse, sku)];
            Stock[(warehouse, sku)] = (onHand, reserved + quantity);
            order.Allocations.Add((sku, warehouse, quantity));
        }
        order.Status = OrderStatus.Allocated;
    }

    /// <summary>Gives an order's reservations back. Caller holds the lock.</summary>
    public void Release(FakeOrder order)
    {
        foreach ((string sku, string warehouse, int quantity) in order.Allocations)
        {
            (int onHand, int reserved) = Stock[(warehouse, sku)];
            Stock[(warehouse, sku)] = (onHand, reserved - quantity);
        }
        order.Allocations.Clear();
    }
}
