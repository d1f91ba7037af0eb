using System.Diagnostics;
using System.Globalization;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using OrderActors.Abstractions.Stock;
using OrderActors.Abstractions.Warehouses;
using OrderActors.Grains;

namespace OrderActors.Benchmarks;

/// <summary>
/// Issue 5's measurements on real PostgreSQL: how long a trip takes to reroute many allocated orders,
/// and how many reservations per second one hot SKU takes with and without buckets, in the same run.
/// </summary>
internal static class StockBenchmarks
{
    public static async Task<int> RerouteAsync(string[] args)
    {
        int orders = IntArg(args, "--orders", 10_000);
        int window = IntArg(args, "--window", new HubOptions().RerouteWindow);
        const string tenant = "bench";
        await using HubBench hub = await HubBench.StartAsync(o => o.RerouteWindow = window);
        List<string> skus = Enumerable.Range(0, 20).Select(i => $"SKU-{i:00}").ToList();
        await hub.WarehouseAsync(tenant, "WH-A", HubBench.Hangzhou);
        await hub.WarehouseAsync(tenant, "WH-B", HubBench.Shanghai);
        await hub.WarehouseAsync(tenant, "WH-C", HubBench.Nanjing);
        int perSku = orders / skus.Count;
        foreach (string sku in skus)
        {
            await hub.SkuAsync(tenant, sku, buckets: 4);
            await hub.StockAsync(tenant, "WH-A", sku, perSku * 2);
            await hub.StockAsync(tenant, "WH-B", sku, perSku / 2 + 1);
            await hub.StockAsync(tenant, "WH-C", sku, perSku / 2 + 1);
        }
        Console.WriteLine($"Reroute benchmark: {orders} one-line orders over {skus.Count} SKUs allocated at WH-A, then WH-A trips "
            + $"and tells at most {window} at a time (PostgreSQL, {Environment.ProcessorCount} cores)");
        var placing = Stopwatch.StartNew();
        List<string> ids = await hub.SubmitAsync(tenant, "r", skus, orders, inFlight: 256);
        IReadOnlyList<OrderRecord> placed = await hub.SettleAsync(tenant, ids);
        placing.Stop();
        int atA = placed.Count(o => o.Status == OrderStatus.Allocated && o.Allocations.All(a => a.WarehouseId == "WH-A"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"placed {orders} orders in {placing.Elapsed.TotalSeconds:0.0} s ({orders / placing.Elapsed.TotalSeconds:0} orders/s); {atA} allocated at WH-A"));

        IWarehouseGrain warehouse = hub.Grains.GetGrain<IWarehouseGrain>(Keys.Warehouse(tenant, "WH-A"));
        var rerouting = Stopwatch.StartNew();
        TripResult trip = await warehouse.TripAsync("benchmark trip", BreakerSource.Operator);
        RerouteProgress progress;
        do
        {
            await Task.Delay(10);
            progress = await warehouse.GetRerouteProgressAsync(trip.Epoch);
        }
        while (progress.Pending > 0);
        rerouting.Stop();
        AuditReport audit = await hub.AuditAsync(tenant, ids);
        Console.WriteLine($"audit: {(audit.Ok ? "ok" : $"{audit.Violations.Count} violations")}, oversold {audit.Oversold}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"reroute of {progress.Affected} orders: {rerouting.Elapsed.TotalSeconds:0.00} s (rerouted {progress.Rerouted}, unroutable {progress.Unroutable})"));
        return audit.Ok ? 0 : 1;
    }

    public static async Task<int> HotSkuAsync(string[] args)
    {
        int orders = IntArg(args, "--orders", 3_000);
        int buckets = IntArg(args, "--buckets", 8);
        await using HubBench hub = await HubBench.StartAsync();
        Console.WriteLine($"Hot-SKU benchmark: {orders} concurrent one-unit orders for one SKU at one warehouse, 1 bucket vs {buckets} (PostgreSQL, {Environment.ProcessorCount} cores)");
        var results = new Dictionary<int, List<double>> { [1] = [], [buckets] = [] };
        for (int round = 1; round <= 2; round++)
        {
            foreach (int b in new[] { 1, buckets })
            {
                double rate = await HotRoundAsync(hub, $"hot{b}r{round}", b, orders);
                results[b].Add(rate);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  round {round} {b,2} bucket(s): {rate,8:0} reservations/s"));
            }
        }
        double single = results[1].Max();
        double split = results[buckets].Max();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"hot-SKU reservations/s: 1 bucket {single:0}, {buckets} buckets {split:0}, ratio {split / single:0.00}"));
        return 0;
    }

    private static async Task<double> HotRoundAsync(HubBench hub, string tenant, int buckets, int orders)
    {
        await hub.WarehouseAsync(tenant, "WH-A", HubBench.Hangzhou);
        await hub.SkuAsync(tenant, "HOT", buckets);
        await hub.StockAsync(tenant, "WH-A", "HOT", orders);
        var watch = Stopwatch.StartNew();
        List<string> ids = await hub.SubmitAsync(tenant, "h", ["HOT"], orders, inFlight: 512);
        IReadOnlyList<OrderRecord> settled = await hub.SettleAsync(tenant, ids);
        watch.Stop();
        int allocated = settled.Count(o => o.Status == OrderStatus.Allocated);
        if (allocated != orders)
        {
            throw new InvalidOperationException($"only {allocated} of {orders} orders were allocated");
        }
        return allocated / watch.Elapsed.TotalSeconds;
    }

    private static int IntArg(string[] args, string name, int fallback)
    {
        int index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
