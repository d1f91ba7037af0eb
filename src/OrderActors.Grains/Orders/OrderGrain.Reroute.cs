using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OrderActors.Abstractions.Orders;
using OrderActors.Domain.Orders;

namespace OrderActors.Grains.Orders;

/// <summary>Moving an order's stock away from a warehouse whose breaker opened.</summary>
public sealed partial class OrderGrain
{
    /// <summary>
    /// Moves what the order holds at the tripped warehouse elsewhere, or goes on hold; what it held there is
    /// released by the warehouse once this reports back (in batches), the rest of a held order's stock here.
    /// </summary>
    public async Task RerouteAsync(RerouteRequest request)
    {
        await SettleStockAsync();
        RerouteOutcome outcome = await MoveAwayFromAsync(request.WarehouseId, request.Reason);
        _ = Warehouse(request.WarehouseId).RerouteReportAsync(request.TripEpoch, _orderId, outcome);
    }

    private async Task<RerouteOutcome> MoveAwayFromAsync(string warehouseId, string reason)
    {
        OrderRecord? order = state.State.Order;
        List<StockAllocation> moving = order?.Allocations.Where(a => a.WarehouseId == warehouseId).ToList() ?? [];
        if (order is null || order.Status != OrderStatus.Allocated || moving.Count == 0)
        {
            return RerouteOutcome.NotAffected;
        }
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
        var hold = new OrderHold(HoldCodes.Unroutable, $"{warehouseId} stopped ({reason}) and no other warehouse can take it: {outcome.Hold!.Message}", now);
        OrderRecord held = OrderCommands.Hold(OrderCommands.WithoutAllocations(order) with { AllocationExplanation = outcome.Explanation }, [hold], now, "reroute");
        await SaveAsync(held, outcome.NextAttempt, release: kept.Values.SelectMany(a => a));
        LogHeld(_orderId, hold.Code, hold.Message);
        return RerouteOutcome.Unroutable;
    }

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Order {OrderId} rerouted from {From} to {To}")]
    private partial void LogRerouted(string orderId, string from, string to);
}
