using System.Diagnostics;
using Npgsql;
using OrderActors.Abstractions.Orders;
using OrderActors.LoadTest.Access;
using OrderActors.LoadTest.Engine;
using OrderActors.LoadTest.Hub;
using OrderActors.LoadTest.Naive;
using OrderActors.LoadTest.Traffic;

namespace OrderActors.LoadTest.HotSku;

/// <summary>
/// Many buyers after one hot SKU at one warehouse, closed loop with the run's client count: through the hub's REST
/// facade with the SKU split into stock buckets (in a tenant of its own), then against the baseline's single
/// locked stock row. Stock is twice the orders so the measure is throughput, not a sell-out.
/// </summary>
public sealed class HotSkuComparison(Catalog catalog, int orders, int clients, int buckets, TimeSpan settleTimeout, int seed, int runTag)
{
    private static readonly WarehouseSite _warehouse = WarehouseSites.All[0];
    private static readonly TimeSpan _settlePoll = TimeSpan.FromMilliseconds(20);

    /// <summary>The one channel the comparison's orders come in on.</summary>
    public const Channel Channel = Abstractions.Orders.Channel.Miniapp;

    public CatalogSku Sku { get; } = new(9_000, "HOT-PIL-001", "泰国天然乳胶枕 爆款", [new VariantPart("规格", "标准款")], 7500, false, 0, buckets);

    /// <summary>Units stocked for the hot SKU: twice the orders, so every order can get one.</summary>
    public int OnHand => orders * 2;

    public async Task<HotSkuSide> RunOursAsync(TenantClients hotTenant, CancellationToken cancellationToken)
    {
        await new HubSetup(hotTenant.Operator).PutSingleSkuAsync(_warehouse, Sku, OnHand, Channel, cancellationToken);
        IReadOnlyList<OrderPlan> plans = Plans();
        var clock = Stopwatch.StartNew();
        BurstResult burst = await ClosedLoopBurst.RunAsync(new HubTarget(hotTenant), plans, clients, cancellationToken);
        var backlog = new HubBacklog(hotTenant.Operator);
        bool settled = false;
        while (clock.Elapsed - burst.Elapsed < settleTimeout && !settled)
        {
            settled = await backlog.CountAsync(cancellationToken) == 0;
            if (!settled)
            {
                await Task.Delay(_settlePoll, cancellationToken);
            }
        }
        TimeSpan settledAt = clock.Elapsed;
        long allocated = await CountStatusAsync(hotTenant.Operator, "Allocated", cancellationToken);
        return Side("orderactors", burst, allocated, settledAt, settled);
    }

    public async Task<HotSkuSide> RunNaiveAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        StockPlan stock = StockPlan.FromLevels([new StockLevel(_warehouse.WarehouseId, Sku, OnHand)]);
        await NaiveSchema.ResetAsync(dataSource, stock.Levels, cancellationToken);
        BurstResult burst = await ClosedLoopBurst.RunAsync(new NaiveSqlTarget(dataSource, stock), Plans(), clients, cancellationToken);
        return Side("naive-sql", burst, burst.CountStatus("reserved"), burst.Elapsed, settled: true);
    }

    /// <summary>The same orders for both sides: one unit each, from buyers around the warehouse, seeded.</summary>
    private List<OrderPlan> Plans()
    {
        var planner = new OrderPlanner(catalog, TrafficMix.Default, seed, runTag);
        MainlandPlace[] nearby = MainlandPlaces.All.Where(place => _warehouse.DistanceKm(place.Latitude, place.Longitude) < 300).ToArray();
        DateTimeOffset now = DateTimeOffset.UtcNow;
        return Enumerable.Range(0, orders).Select(i => planner.Single(Sku, Channel, nearby[i % nearby.Length], now)).ToList();
    }

    private HotSkuSide Side(string target, BurstResult burst, long gotStock, TimeSpan settledAt, bool settled)
    {
        int answered = burst.Outcomes.Count(outcome => outcome.Answered);
        long failed = burst.Count(OutcomeKind.Failed) + burst.Count(OutcomeKind.Rejected);
        return new HotSkuSide(
            target, orders, clients, answered, gotStock, failed, burst.Count(OutcomeKind.RateLimited),
            burst.Elapsed.TotalSeconds, settledAt.TotalSeconds, settled,
            gotStock / Math.Max(settledAt.TotalSeconds, 1e-6),
            answered / Math.Max(burst.Elapsed.TotalSeconds, 1e-6),
            burst.Latency.Percentile(0.50).TotalMilliseconds,
            burst.Latency.Percentile(0.99).TotalMilliseconds);
    }

    private static async Task<long> CountStatusAsync(HubClient client, string status, CancellationToken cancellationToken)
    {
        HubResponse response = await client.GetAsync($"/api/v1/orders?status={status}&page=1&pageSize=1", cancellationToken);
        return response.Body?["total"]?.GetValue<long>() ?? 0;
    }
}
