namespace OrderActors.LoadTest.Traffic;

/// <summary>Units of one SKU on hand at one warehouse at the start of the run.</summary>
public sealed record StockLevel(string WarehouseId, CatalogSku Sku, int OnHand);

/// <summary>
/// The stock both systems start from, identical for the hub and the naive baseline. Finite on purpose: the hot
/// SKUs get only part of their expected demand so they sell out mid-run (overselling them is what must not
/// happen); the rest get a comfortable margin. Each SKU's units are spread over the warehouses in proportion to
/// the demand nearest to each; cold-chain SKUs only to cold-chain warehouses.
/// </summary>
public sealed class StockPlan
{
    private readonly Dictionary<(string WarehouseId, string Sku), int> _onHand;

    private StockPlan(IReadOnlyList<StockLevel> levels)
    {
        Levels = levels;
        _onHand = levels.ToDictionary(level => (level.WarehouseId, level.Sku.Sku), level => level.OnHand);
    }

    public IReadOnlyList<StockLevel> Levels { get; }

    public long TotalUnits => Levels.Sum(level => (long)level.OnHand);

    /// <summary>Units planned for a SKU at a warehouse; zero where it is not stocked.</summary>
    public int OnHand(string warehouseId, string sku) => _onHand.GetValueOrDefault((warehouseId, sku));

    /// <summary>True when the warehouse has a stock row for the SKU (it may hold zero units).</summary>
    public bool Stocks(string warehouseId, string sku) => _onHand.ContainsKey((warehouseId, sku));

    /// <summary>A plan of exactly these stock rows, for a focused scenario such as one hot SKU at one warehouse.</summary>
    public static StockPlan FromLevels(IReadOnlyList<StockLevel> levels) => new(levels);

    /// <param name="expectedOrders">Orders the run will issue.</param>
    /// <param name="hotShare">The share of a hot SKU's expected demand that is stocked (below 1 sells it out).</param>
    /// <param name="marginFactor">How many times its expected demand an ordinary SKU gets.</param>
    public static StockPlan Build(Catalog catalog, TrafficMix mix, long expectedOrders, double hotShare = 0.6, double marginFactor = 2.0)
    {
        var sampler = new ZipfSampler(catalog.ByRank.Count, mix.ZipfExponent);
        double unitsPerOrder = Mean(mix.LineCountWeights) * Mean(mix.QuantityWeights);
        var levels = new List<StockLevel>();
        foreach (CatalogSku sku in catalog.ByRank)
        {
            double expected = expectedOrders * unitsPerOrder * sampler.Probability(sku.Rank);
            int total = sku.IsHot ? Math.Max(1, (int)(expected * hotShare)) : (int)Math.Ceiling(expected * marginFactor) + 5;
            IReadOnlyList<WarehouseSite> sites = WarehouseSites.All.Where(site => site.ColdChain || !sku.ColdChain).ToList();
            int[] split = Split(total, sites.Select(site => DemandNearest(site, sites)).ToArray());
            levels.AddRange(sites.Select((site, i) => new StockLevel(site.WarehouseId, sku, split[i])));
        }
        return new StockPlan(levels);
    }

    /// <summary>The warehouse nearest the buyer's district among those stocking the order's every SKU, or null.</summary>
    public string? NearestStocking(MainlandPlace place, IEnumerable<CatalogSku> skus)
    {
        string[] codes = skus.Select(sku => sku.Sku).ToArray();
        return WarehouseSites.All
            .Where(site => codes.All(code => Stocks(site.WarehouseId, code)))
            .OrderBy(site => site.DistanceKm(place.Latitude, place.Longitude))
            .Select(site => site.WarehouseId)
            .FirstOrDefault();
    }

    /// <summary>The mean of 1, 2, 3 … weighted by <paramref name="weights"/>.</summary>
    private static double Mean(IReadOnlyList<double> weights) =>
        weights.Select((weight, i) => weight * (i + 1)).Sum() / weights.Sum();

    private static double DemandNearest(WarehouseSite site, IReadOnlyList<WarehouseSite> sites) =>
        MainlandPlaces.All
            .Where(place => sites.MinBy(candidate => candidate.DistanceKm(place.Latitude, place.Longitude)) == site)
            .Sum(place => place.DemandWeight);

    /// <summary>Splits a whole number of units in proportion to the weights, largest remainders first.</summary>
    internal static int[] Split(int total, double[] weights)
    {
        double sum = weights.Sum();
        if (sum <= 0)
        {
            weights = weights.Select(_ => 1.0).ToArray();
            sum = weights.Length;
        }
        double[] exact = weights.Select(weight => total * weight / sum).ToArray();
        int[] parts = exact.Select(value => (int)Math.Floor(value)).ToArray();
        int left = total - parts.Sum();
        foreach (int index in Enumerable.Range(0, parts.Length).OrderByDescending(i => exact[i] - parts[i]).Take(left))
        {
            parts[index]++;
        }
        return parts;
    }
}
