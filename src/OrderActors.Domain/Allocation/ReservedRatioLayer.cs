namespace OrderActors.Domain.Allocation;

/// <summary>Layer 3 (预占率): drop warehouses whose stock of the order's SKUs is already mostly promised.</summary>
internal static class ReservedRatioLayer
{
    public static IReadOnlyList<Site> Filter(IReadOnlyList<Site> sites, IReadOnlyList<AllocationLine> lines, AllocationRules rules, ExplanationLog log)
    {
        string limit = ExplanationLog.Percent(rules.MaxReservedRatio);
        var kept = new List<Site>();
        var keptRatios = new List<string>();
        foreach (Site site in sites)
        {
            double ratio = RatioOf(site.Warehouse, lines);
            if (ratio > rules.MaxReservedRatio)
            {
                log.Add(AllocationLayer.ReservedRatio, $"dropped {site.Id}: reserved ratio {ExplanationLog.Percent(ratio)} > {limit} (预占率)");
            }
            else
            {
                kept.Add(site);
                keptRatios.Add($"{site.Id} {ExplanationLog.Percent(ratio)}");
            }
        }
        log.Add(AllocationLayer.ReservedRatio, kept.Count == 0
            ? $"no warehouse within {limit} reserved ratio (预占率)"
            : $"within {limit} reserved ratio (预占率): {string.Join(", ", keptRatios)}");
        return kept;
    }

    /// <summary>
    /// Σ reserved ÷ Σ max(0, onHand − safetyStock) over the order's SKUs this warehouse may ship. A SKU below
    /// its safety stock adds no capacity rather than negative capacity, so it cannot hide the others' load.
    /// </summary>
    public static double RatioOf(WarehouseCandidate warehouse, IReadOnlyList<AllocationLine> lines)
    {
        long reserved = 0;
        long capacity = 0;
        foreach (AllocationLine line in lines.Where(line => Site.MayShip(warehouse, line)))
        {
            SkuStock stock = warehouse.StockOf(line.MasterSku);
            reserved += stock.Reserved;
            capacity += Math.Max(0L, (long)stock.OnHand - stock.SafetyStock);
        }
        // Nothing reserved is 0% even with no capacity; reservations against no capacity are infinitely over.
        return reserved == 0 ? 0.0 : (double)reserved / capacity;
    }
}
