namespace OrderActors.Domain.Allocation;

/// <summary>Layer 4: order the remaining warehouses by what the channel's service tier values most.</summary>
/// <remarks>
/// Standard orders go to the deepest stock (库存深度) so shallow warehouses are not emptied by routine orders;
/// Express orders carry a delivery promise, so the nearest warehouse comes first and depth only breaks ties.
/// </remarks>
internal static class RankingLayer
{
    public static IReadOnlyList<Site> Rank(IReadOnlyList<Site> sites, ServiceTier tier, ExplanationLog log)
    {
        if (tier == ServiceTier.Express)
        {
            Site[] byDistance = sites
                .OrderBy(site => site.DistanceKm)
                .ThenByDescending(site => site.Depth)
                .ThenBy(site => site.Id, StringComparer.Ordinal)
                .ToArray();
            log.Add(AllocationLayer.Ranking,
                $"Express tier ranks by distance, then stock depth (时效优先): {Describe(byDistance)}");
            return byDistance;
        }

        Site[] byDepth = sites
            .OrderByDescending(site => site.Depth)
            .ThenBy(site => site.DistanceKm)
            .ThenBy(site => site.Id, StringComparer.Ordinal)
            .ToArray();
        log.Add(AllocationLayer.Ranking,
            $"Standard tier ranks by stock depth, then distance (库存深度): {Describe(byDepth)}");
        return byDepth;
    }

    private static string Describe(IEnumerable<Site> sites) =>
        string.Join(", ", sites.Select(site => $"{site.Id} (depth {site.Depth}, {ExplanationLog.Km(site.DistanceKm)})"));
}
