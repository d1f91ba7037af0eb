namespace OrderActors.Domain.Allocation;

/// <summary>Layer 5 (单仓 / 拆单): one warehouse that fills every line, else the fewest parcels, nearest first.</summary>
/// <remarks>
/// The search is exhaustive over warehouse sets of growing size. Merchants run tens of warehouses and orders
/// split into at most a few parcels, so that stays small, and "fewest parcels" is then exact rather than a
/// greedy guess. A line may be split between parcels when no one warehouse of the set holds all of it.
/// </remarks>
internal static class ParcelPlanner
{
    /// <summary>Plans the parcels over ranked warehouses, or returns null when no set within the limit fills the order.</summary>
    public static IReadOnlyList<AllocationParcel>? Plan(
        IReadOnlyList<Site> ranked,
        IReadOnlyList<AllocationLine> lines,
        int maxParcels,
        string scope,
        ExplanationLog log)
    {
        IReadOnlyList<Site>? chosen = FindSet(ranked, lines, maxParcels);
        if (chosen is null)
        {
            log.Add(AllocationLayer.Choice,
                $"no single warehouse or split into at most {maxParcels} parcels among {scope} fills the order");
            return null;
        }

        IReadOnlyList<AllocationParcel> parcels = Assign(chosen, lines);
        if (parcels.Count == 1)
        {
            log.Add(AllocationLayer.Choice, $"single warehouse {chosen[0].Id} fills every line (单仓发货)");
        }
        else
        {
            log.Add(AllocationLayer.Choice, $"no single warehouse among {scope} fills every line");
            log.Add(AllocationLayer.Choice, $"split into {parcels.Count} parcels (拆单), the fewest possible: {Describe(parcels)}");
        }
        return parcels;
    }

    /// <summary>The best set of warehouses that together cover every line, or null.</summary>
    public static IReadOnlyList<Site>? FindSet(IReadOnlyList<Site> ranked, IReadOnlyList<AllocationLine> lines, int maxParcels)
    {
        for (int size = 1; size <= Math.Min(maxParcels, ranked.Count); size++)
        {
            Site[]? best = null;
            foreach (Site[] set in Combinations(ranked, size))
            {
                if (!Covers(set, lines))
                {
                    continue;
                }
                // One warehouse: the ranking already said which is best. Several: the parcel count is fixed,
                // so the set whose farthest parcel is nearest wins; combinations come in rank order, so ties keep rank.
                if (size == 1)
                {
                    return set;
                }
                if (best is null || IsNearer(set, best))
                {
                    best = set;
                }
            }
            if (best is not null)
            {
                return best;
            }
        }
        return null;
    }

    private static bool Covers(IReadOnlyList<Site> set, IReadOnlyList<AllocationLine> lines) =>
        lines.All(line => set.Sum(site => (long)site.UsableOf(line.MasterSku)) >= line.Quantity);

    private static bool IsNearer(IReadOnlyList<Site> candidate, IReadOnlyList<Site> incumbent)
    {
        int byFarthest = candidate.Max(site => site.DistanceKm).CompareTo(incumbent.Max(site => site.DistanceKm));
        return byFarthest != 0
            ? byFarthest < 0
            : candidate.Sum(site => site.DistanceKm) < incumbent.Sum(site => site.DistanceKm);
    }

    /// <summary>Fills each line from the set's warehouses in rank order, never past what a warehouse can ship.</summary>
    private static IReadOnlyList<AllocationParcel> Assign(IReadOnlyList<Site> set, IReadOnlyList<AllocationLine> lines)
    {
        Dictionary<Site, List<ParcelLine>> perSite = set.ToDictionary(site => site, _ => new List<ParcelLine>());
        foreach (AllocationLine line in lines)
        {
            int remaining = line.Quantity;
            foreach (Site site in set)
            {
                int taken = Math.Min(remaining, site.UsableOf(line.MasterSku));
                if (taken > 0)
                {
                    perSite[site].Add(new ParcelLine(line.MasterSku, taken));
                    remaining -= taken;
                }
            }
        }
        // A set is only chosen when no smaller one covers the order, so every warehouse in it receives something.
        return set.Select(site => new AllocationParcel(site.Id, site.DistanceKm, perSite[site].ToArray())).ToArray();
    }

    /// <summary>All k-element subsets in lexicographic order of position, each as a fresh array.</summary>
    private static IEnumerable<Site[]> Combinations(IReadOnlyList<Site> sites, int size)
    {
        int[] indices = Enumerable.Range(0, size).ToArray();
        while (true)
        {
            yield return indices.Select(index => sites[index]).ToArray();
            int position = size - 1;
            while (position >= 0 && indices[position] == sites.Count - size + position)
            {
                position--;
            }
            if (position < 0)
            {
                yield break;
            }
            indices[position]++;
            for (int next = position + 1; next < size; next++)
            {
                indices[next] = indices[next - 1] + 1;
            }
        }
    }

    private static string Describe(IEnumerable<AllocationParcel> parcels) =>
        string.Join("; ", parcels.Select(parcel =>
            $"{parcel.WarehouseId} {string.Join(", ", parcel.Lines.Select(line => $"{line.MasterSku}×{line.Quantity}"))}"));
}
