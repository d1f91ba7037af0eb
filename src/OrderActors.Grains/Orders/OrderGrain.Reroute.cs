using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OrderActors.Abstractions.Catalog;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using OrderActors.Abstractions.Warehouses;
using OrderActors.Domain.Orders;

namespace OrderActors.Grains.Orders;

/// <summary>Moving an order's stock away from a warehouse whose breaker opened.</summary>
public sealed partial class OrderGrain
{
    public async Task RerouteAsync(RerouteRequest request)
    {
        RerouteOutcome outcome = await MoveAwayFromAsync(request.WarehouseId, request.Reason);
        _ = Warehouse(request.WarehouseId).RerouteReportAsync(request.TripEpoch, _orderId, outcome);
    }

    /// <summary>After a crash during a reroute the order may still point at an open warehouse: move it now.</summary>
    private async Task RerouteFromOpenWarehousesAsync()
    {
        if (state.State.Order is not { Status: OrderStatus.Allocated } order)
        {
            return;
        }
        IReadOnlyList<WarehouseSummary> warehouses = await GrainFactory.GetGrain<ICatalogGrain>(Keys.Tenant(_tenant)).ListWarehousesAsync();
        var open = warehouses.Where(w => w.Breaker == BreakerState.Open).Select(w => w.WarehouseId).ToHashSet();
        foreach (string warehouseId in order.Allocations.Select(a => a.WarehouseId).Distinct().Where(open.Contains).ToList())
        {
            await MoveAwayFromAsync(warehouseId, "breaker found open on recovery");
        }
    }

    private async Task<RerouteOutcome> MoveAwayFromAsync(string warehouseId, string reason)
    {
        OrderRecord? order = state.State.Order;
        List<StockAllocation> moving = order?.Allocations.Where(a => a.WarehouseId == warehouseId).ToList() ?? [];
        if (order is null || order.Status != OrderStatus.Allocated || moving.Count == 0)
        {
            return RerouteOutcome.NotAffected;
        }
        await _stock.ReleaseAsync(moving);
        var kept = order.Lines.ToDictionary(l => l.LineNo, l => l.Allocations.RemoveAll(a => a.WarehouseId == warehouseId));
        var demand = order.Lines.ToDictionary(l => l.LineNo, l => l.Quantity - kept[l.LineNo].Sum(a => a.Quantity));
        AllocationOutcome outcome = await GuardedAsync(() => _allocation.RunAsync(order, demand, new HashSet<string> { warehouseId }, state.State.NextAttempt));
        DateTimeOffset now = time.GetUtcNow();
        if (outcome.ByLine is { } placed)
        {
            var merged = kept.ToDictionary(e => e.Key, e => e.Value.AddRange(placed.GetValueOrDefault(e.Key) ?? []));
            await SaveAsync(OrderCommands.Rerouted(order, merged, outcome.Explanation, warehouseId, now), outcome.NextAttempt);
            LogRerouted(_orderId, warehouseId, string.Join(",", Order.Allocations.Select(a => a.WarehouseId).Distinct()));
            return RerouteOutcome.Rerouted;
        }
        await _stock.ReleaseAsync(kept.Values.SelectMany(a => a));
        var hold = new OrderHold(HoldCodes.Unroutable, $"{warehouseId} stopped ({reason}) and no other warehouse can take it: {outcome.Hold!.Message}", now);
        OrderRecord held = OrderCommands.Hold(OrderCommands.WithoutAllocations(order) with { AllocationExplanation = outcome.Explanation }, [hold], now, "reroute");
        await SaveAsync(held, outcome.NextAttempt);
        LogHeld(_orderId, hold.Code, hold.Message);
        return RerouteOutcome.Unroutable;
    }

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Order {OrderId} rerouted from {From} to {To}")]
    private partial void LogRerouted(string orderId, string from, string to);
}
