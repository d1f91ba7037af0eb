namespace OrderActors.Domain.Allocation;

/// <summary>Names the reason an order found no placement, so grains can hold it for the right fix (缺货, 熔断 …).</summary>
internal static class UnroutableDiagnosis
{
    public static AllocationFailure NoEligibleWarehouse(AllocationRequest request) =>
        new(UnroutableReason.NoEligibleWarehouse,
            $"no warehouse may take {request.Channel} order {request.OrderId}: each one is excluded, behind an open or half-open breaker (熔断), or not cold-chain where required");

    /// <summary>Called after every pass failed over all candidates, so the cause is stock, the ratio limit or the parcel limit.</summary>
    public static AllocationFailure Diagnose(IReadOnlyList<Site> candidates, IReadOnlyList<AllocationLine> lines, AllocationRules rules)
    {
        string[] shortages = lines
            .Select(line => (line, sellable: candidates.Sum(site => (long)site.UsableOf(line.MasterSku))))
            .Where(entry => entry.sellable < entry.line.Quantity)
            .Select(entry => $"{entry.line.MasterSku} needs {entry.line.Quantity}, {entry.sellable} sellable")
            .ToArray();
        if (shortages.Length > 0)
        {
            return new AllocationFailure(UnroutableReason.InsufficientStock,
                $"not enough stock across eligible warehouses (库存不足): {string.Join("; ", shortages)}");
        }

        if (!rules.RelaxReservedRatioWhenUnfillable && ParcelPlanner.FindSet(candidates, lines, rules.MaxParcels) is not null)
        {
            return new AllocationFailure(UnroutableReason.ReservedRatioExceeded,
                $"only warehouses above the {ExplanationLog.Percent(rules.MaxReservedRatio)} reserved ratio (预占率) could fill it, and the rules forbid relaxing");
        }

        return new AllocationFailure(UnroutableReason.TooManyParcels,
            $"the stock exists but is spread over more than {rules.MaxParcels} warehouses (拆单上限)");
    }
}
