using OrderActors.Abstractions.Orders;
using OrderActors.Domain.Intake;
using OrderActors.LoadTest.Traffic;

namespace OrderActors.LoadTest.Tests.Support;

/// <summary>A seeded catalog and planner, and the hub-side mapping table the load test's setup step would create.</summary>
public static class GeneratedOrders
{
    public static Catalog Catalog { get; } = Catalog.Build(skuCount: 120, hotCount: 3, hotBuckets: 8, seed: 7);

    public static OrderPlanner Planner(int seed = 11) => new(Catalog, TrafficMix.Default, seed, runTag: 4242);

    /// <summary>Every SKU mapped on every channel with its variant and list price, as HubSetup writes them.</summary>
    public static InMemorySkuMappings Mappings { get; } = BuildMappings();

    /// <summary>Plans <paramref name="count"/> orders a second apart, far enough from any deadline to keep every follow-up.</summary>
    public static IReadOnlyList<OrderPlan> Plans(int count, int seed = 11)
    {
        OrderPlanner planner = Planner(seed);
        DateTimeOffset start = new(2026, 11, 11, 0, 0, 0, TimeSpan.Zero);
        return Enumerable.Range(0, count).Select(i => planner.Next(start.AddSeconds(i), start.AddDays(1))).ToList();
    }

    private static InMemorySkuMappings BuildMappings()
    {
        var mappings = new InMemorySkuMappings();
        foreach (CatalogSku sku in Catalog.ByRank)
        {
            foreach (Channel channel in Enum.GetValues<Channel>())
            {
                mappings.Map(channel, sku.PlatformSkuId(channel), new SkuMapping(sku.Sku, sku.VariantText, new(sku.UnitPriceFen)));
            }
        }
        return mappings;
    }
}
