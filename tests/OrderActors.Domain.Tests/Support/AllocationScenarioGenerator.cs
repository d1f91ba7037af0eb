using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using OrderActors.Domain.Allocation;
using OrderActors.Abstractions.Warehouses;

namespace OrderActors.Domain.Tests.Support;

/// <summary>One random allocation problem: rules, an order and a warehouse snapshot.</summary>
internal sealed record RandomAllocation(AllocationRules Rules, AllocationRequest Request, WarehouseCandidate[] Warehouses)
{
    public override string ToString()
    {
        string lines = string.Join(", ", Request.Lines.Select(line => $"{line.MasterSku}×{line.Quantity}{(line.IsColdChain ? " cold" : "")}"));
        string warehouses = string.Join(Environment.NewLine, Warehouses.Select(warehouse =>
            $"  {warehouse.Id} {warehouse.Location} cold={warehouse.IsColdChain} {warehouse.Breaker} " +
            string.Join(" ", warehouse.Stock.Select(entry => $"{entry.Key}={entry.Value.OnHand}/{entry.Value.Reserved}/{entry.Value.SafetyStock}"))));
        return $"{Request.Channel} to {Request.Destination}: {lines}; excluded [{string.Join(", ", Request.ExcludedWarehouses)}]{Environment.NewLine}" +
            $"  nearest={Rules.NearestCount} ratio={Rules.MaxReservedRatio} relax={Rules.RelaxReservedRatioWhenUnfillable} " +
            $"halfOpen={Rules.AllowHalfOpenWarehouses} maxParcels={Rules.MaxParcels}{Environment.NewLine}{warehouses}";
    }
}

/// <summary>Random allocation problems from a seed, small enough that stock is often short and splits are common.</summary>
internal static class AllocationScenarioGenerator
{
    private static readonly string[] Skus = ["SKU-A", "SKU-B", "SKU-C", "SKU-D"];

    private static readonly GeoPoint[] Cities =
    [
        AllocationPlaces.Hangzhou, AllocationPlaces.Shanghai, AllocationPlaces.Suzhou,
        AllocationPlaces.Nanjing, AllocationPlaces.Hefei, AllocationPlaces.Wuhan,
    ];

    private static readonly BreakerState[] Breakers =
        [BreakerState.Closed, BreakerState.Closed, BreakerState.Closed, BreakerState.Closed, BreakerState.Open, BreakerState.HalfOpen];

    public static RandomAllocation Generate(int seed)
    {
        var random = new Random(seed);
        WarehouseCandidate[] warehouses = Enumerable.Range(1, random.Next(20) == 0 ? 0 : random.Next(1, 9))
            .Select(index => Warehouse(random, $"WH-{index:D2}"))
            .ToArray();
        var excluded = new HashSet<string>(
            warehouses.Where(_ => random.Next(5) == 0).Select(warehouse => warehouse.Id),
            StringComparer.Ordinal);
        AllocationLine[] lines = Subset(random, Skus, atLeastOne: true)
            .Select(sku => new AllocationLine(sku, random.Next(1, 8), IsColdChain: random.Next(5) == 0))
            .ToArray();
        var request = new AllocationRequest(
            $"R-{seed}", Pick(random, Enum.GetValues<Channel>()), Point(random), lines, excluded);
        return new RandomAllocation(Rules(random), request, warehouses);
    }

    private static AllocationRules Rules(Random random) => AllocationRules.Default with
    {
        NearestCount = random.Next(1, 5),
        MaxParcels = random.Next(1, 5),
        MaxReservedRatio = Pick(random, [0.5, 0.85, 1.0]),
        RelaxReservedRatioWhenUnfillable = random.Next(2) == 0,
        AllowHalfOpenWarehouses = random.Next(2) == 0,
    };

    private static WarehouseCandidate Warehouse(Random random, string id) => new(
        id,
        Point(random),
        IsColdChain: random.Next(2) == 0,
        Pick(random, Breakers),
        Subset(random, Skus, atLeastOne: false).ToDictionary(sku => sku, _ => Stock(random), StringComparer.Ordinal));

    // Mostly lightly reserved, sometimes reserved past what is on hand, so both the ratio filter and shortages occur.
    private static SkuStock Stock(Random random)
    {
        int onHand = random.Next(0, 31);
        int reserved = random.Next(4) == 0 ? random.Next(0, 31) : random.Next(0, onHand / 2 + 1);
        return new SkuStock(onHand, reserved, random.Next(0, 4));
    }

    // Shared cities make equal distances, and so tie-breaking, common; the random points spread the fence.
    private static GeoPoint Point(Random random) => random.Next(2) == 0
        ? Pick(random, Cities)
        : new GeoPoint(random.Next(200, 451) / 10.0, random.Next(1000, 1251) / 10.0);

    private static string[] Subset(Random random, string[] items, bool atLeastOne)
    {
        string[] chosen = items.Where(_ => random.Next(3) != 0).ToArray();
        return chosen.Length == 0 && atLeastOne ? [Pick(random, items)] : chosen;
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}
