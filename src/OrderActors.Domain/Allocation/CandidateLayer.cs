using OrderActors.Abstractions.Warehouses;
namespace OrderActors.Domain.Allocation;

/// <summary>Layer 1 (候选仓): which warehouses may take this order at all.</summary>
internal static class CandidateLayer
{
    /// <summary>The warehouses the rules allow: not excluded, breaker not Open, cold-chain where the channel demands it.</summary>
    public static IReadOnlyList<WarehouseCandidate> Eligible(
        AllocationRequest request,
        IEnumerable<WarehouseCandidate> warehouses,
        AllocationRules rules,
        ChannelRule channelRule,
        ExplanationLog log)
    {
        string coldOnly = channelRule.ColdChainWarehousesOnly ? ", cold-chain warehouses only (冷链专线仓)" : "";
        log.Add(AllocationLayer.Candidates, $"channel {request.Channel}: {channelRule.Tier} tier (时效等级){coldOnly}");

        var eligible = new List<WarehouseCandidate>();
        foreach (WarehouseCandidate warehouse in warehouses.OrderBy(warehouse => warehouse.Id, StringComparer.Ordinal))
        {
            string? rejection = RejectionOf(warehouse, request, rules, channelRule);
            if (rejection is null)
            {
                eligible.Add(warehouse);
            }
            else
            {
                log.Add(AllocationLayer.Candidates, $"skipped {warehouse.Id}: {rejection}");
            }
        }
        return eligible;
    }

    /// <summary>The eligible warehouses that could ship at least one line; notes where cold-chain lines cannot go.</summary>
    public static IReadOnlyList<Site> Stocking(IReadOnlyList<WarehouseCandidate> eligible, AllocationRequest request, ExplanationLog log)
    {
        string[] coldSkus = request.Lines.Where(line => line.IsColdChain).Select(line => line.MasterSku).ToArray();
        var sites = new List<Site>();
        foreach (WarehouseCandidate warehouse in eligible)
        {
            Site site = Site.Of(warehouse, request);
            if (site.Depth == 0)
            {
                log.Add(AllocationLayer.Candidates, $"skipped {warehouse.Id}: no sellable stock of the order's SKUs (无可售库存)");
                continue;
            }
            if (coldSkus.Length > 0 && !warehouse.IsColdChain)
            {
                log.Add(AllocationLayer.Candidates,
                    $"{warehouse.Id} is not cold-chain: it may ship the other lines but not {string.Join(", ", coldSkus)} (冷链商品)");
            }
            sites.Add(site);
        }
        log.Add(AllocationLayer.Candidates, sites.Count == 0
            ? "no candidate warehouse (无候选仓)"
            : $"candidates (候选仓): {ExplanationLog.Ids(sites)}");
        return sites;
    }

    private static string? RejectionOf(WarehouseCandidate warehouse, AllocationRequest request, AllocationRules rules, ChannelRule channelRule)
    {
        if (request.ExcludedWarehouses.Contains(warehouse.Id))
        {
            return "excluded by the request (排除)";
        }
        if (warehouse.Breaker == BreakerState.Open)
        {
            return "breaker Open (熔断)";
        }
        if (warehouse.Breaker == BreakerState.HalfOpen && !rules.AllowHalfOpenWarehouses)
        {
            return "breaker HalfOpen (半开) and the rules keep new orders away from half-open warehouses";
        }
        if (channelRule.ColdChainWarehousesOnly && !warehouse.IsColdChain)
        {
            return $"not cold-chain, and {request.Channel} orders go to cold-chain warehouses only (冷链专线仓)";
        }
        return null;
    }
}
