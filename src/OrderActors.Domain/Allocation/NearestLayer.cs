namespace OrderActors.Domain.Allocation;

/// <summary>Layer 2, the geo fence (地理围栏): keep the nearest N candidates by great-circle distance.</summary>
internal static class NearestLayer
{
    public static IReadOnlyList<Site> Take(IReadOnlyList<Site> candidates, int count, ExplanationLog log)
    {
        Site[] byDistance = candidates
            .OrderBy(site => site.DistanceKm)
            .ThenBy(site => site.Id, StringComparer.Ordinal)
            .ToArray();
        Site[] nearest = byDistance.Take(count).ToArray();
        log.Add(AllocationLayer.Nearest, $"nearest {count} (地理围栏): {Distances(nearest)}");
        if (byDistance.Length > count)
        {
            log.Add(AllocationLayer.Nearest, $"outside the fence: {Distances(byDistance.Skip(count))}");
        }
        return nearest;
    }

    private static string Distances(IEnumerable<Site> sites) =>
        string.Join(", ", sites.Select(site => $"{site.Id} {ExplanationLog.Km(site.DistanceKm)}"));
}
