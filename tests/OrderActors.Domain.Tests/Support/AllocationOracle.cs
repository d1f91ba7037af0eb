using OrderActors.Domain.Allocation;
using OrderActors.Abstractions.Warehouses;

namespace OrderActors.Domain.Tests.Support;

/// <summary>
/// The allocation rules restated the slow, obvious way (every subset of warehouses), to judge the policy's
/// decisions on random problems without trusting its own code.
/// </summary>
internal static class AllocationOracle
{
    /// <summary>Whether the rules let this warehouse take this order at all, stock aside.</summary>
    public static bool MayTake(RandomAllocation problem, WarehouseCandidate warehouse) =>
        !problem.Request.ExcludedWarehouses.Contains(warehouse.Id)
        && warehouse.Breaker != BreakerState.Open
        && (warehouse.Breaker != BreakerState.HalfOpen || problem.Rules.AllowHalfOpenWarehouses)
        && (warehouse.IsColdChain || !problem.Rules.RuleFor(problem.Request.Channel).ColdChainWarehousesOnly);

    public static int Sellable(WarehouseCandidate warehouse, AllocationLine line)
    {
        if (line.IsColdChain && !warehouse.IsColdChain)
        {
            return 0;
        }
        return warehouse.Stock.TryGetValue(line.MasterSku, out SkuStock stock)
            ? Math.Max(0, stock.OnHand - stock.Reserved - stock.SafetyStock)
            : 0;
    }

    public static bool WithinRatio(RandomAllocation problem, WarehouseCandidate warehouse)
    {
        int reserved = 0;
        int capacity = 0;
        foreach (AllocationLine line in problem.Request.Lines.Where(line => !line.IsColdChain || warehouse.IsColdChain))
        {
            if (warehouse.Stock.TryGetValue(line.MasterSku, out SkuStock stock))
            {
                reserved += stock.Reserved;
                capacity += Math.Max(0, stock.OnHand - stock.SafetyStock);
            }
        }
        return reserved == 0 || (capacity > 0 && (double)reserved / capacity <= problem.Rules.MaxReservedRatio);
    }

    /// <summary>The warehouses a decision may draw from: those the rules allow, and within the ratio unless relaxing is on.</summary>
    public static WarehouseCandidate[] Allowed(RandomAllocation problem) =>
        problem.Warehouses
            .Where(warehouse => MayTake(problem, warehouse))
            .Where(warehouse => problem.Rules.RelaxReservedRatioWhenUnfillable || WithinRatio(problem, warehouse))
            .ToArray();

    /// <summary>Whether some set of at most the allowed number of parcels' warehouses holds every line.</summary>
    public static bool SomeSetCanFill(RandomAllocation problem, WarehouseCandidate[] pool)
    {
        for (int mask = 1; mask < 1 << pool.Length; mask++)
        {
            WarehouseCandidate[] set = pool.Where((_, index) => (mask & (1 << index)) != 0).ToArray();
            if (set.Length <= problem.Rules.MaxParcels
                && problem.Request.Lines.All(line => set.Sum(warehouse => Sellable(warehouse, line)) >= line.Quantity))
            {
                return true;
            }
        }
        return false;
    }

    public static bool StockSuffices(RandomAllocation problem, WarehouseCandidate[] pool) =>
        problem.Request.Lines.All(line => pool.Sum(warehouse => Sellable(warehouse, line)) >= line.Quantity);
}
