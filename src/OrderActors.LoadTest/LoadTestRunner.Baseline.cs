using Npgsql;
using OrderActors.LoadTest.Access;
using OrderActors.LoadTest.Display;
using OrderActors.LoadTest.Engine;
using OrderActors.LoadTest.Hub;
using OrderActors.LoadTest.HotSku;
using OrderActors.LoadTest.Metrics;
using OrderActors.LoadTest.Naive;
using OrderActors.LoadTest.Reporting;
using OrderActors.LoadTest.Traffic;

namespace OrderActors.LoadTest;

/// <summary>The naive SQL baseline's run and the hot-SKU comparison.</summary>
public sealed partial class LoadTestRunner
{
    private NpgsqlDataSource NaiveDataSource()
    {
        string connection = options.BaselinePg ?? throw new InvalidOperationException("--baseline needs --baseline-pg (a PostgreSQL connection string)");
        var builder = new NpgsqlConnectionStringBuilder(connection)
        {
            MaxPoolSize = options.Clients,
            CommandTimeout = (int)Math.Ceiling(options.RequestTimeout.TotalSeconds),
        };
        return NpgsqlDataSource.Create(builder.ConnectionString);
    }

    /// <summary>The same schedule, the same seeded orders and the same in-flight bound, straight into PostgreSQL.</summary>
    private async Task<NaiveReport> RunNaiveAsync(NpgsqlDataSource dataSource, RateSchedule schedule, Catalog catalog, StockPlan stock, int runTag, CancellationToken cancellationToken)
    {
        display.Stage($"naive SQL baseline: schema {NaiveSchema.Name} reset with the same {stock.TotalUnits} units");
        await NaiveSchema.ResetAsync(dataSource, stock.Levels, cancellationToken);
        var recorder = new TrafficRecorder("naive-sql", schedule);
        var planner = new OrderPlanner(catalog, _mix, options.Seed, runTag);
        var driver = new OpenLoopDriver(new NaiveSqlTarget(dataSource, stock), recorder, planner.Next, options.Clients);
        Task running = driver.RunAsync([], cancellationToken);
        await display.ShowAsync(() => ProgressSnapshot.From(recorder, driver, backlog: null), running);
        await running;
        display.Stage($"naive SQL baseline audit: {recorder.Ledger.Count} acknowledged orders");
        NaiveAuditResult audit = await NaiveAudit.RunAsync(dataSource, recorder.Ledger, cancellationToken);
        return new NaiveReport(TargetReports.From(recorder), audit);
    }

    private async Task<HotSkuResult?> RunHotSkuAsync(RunPrincipals principals, NpgsqlDataSource? dataSource, Catalog catalog, int runTag, CancellationToken cancellationToken)
    {
        if (options.HotSkuOrders <= 0)
        {
            return null;
        }
        var comparison = new HotSkuComparison(catalog, options.HotSkuOrders, options.Clients, options.HotBuckets, options.DrainTimeout, options.Seed, runTag);
        display.Stage($"hot SKU: {options.HotSkuOrders} one-unit orders for {comparison.Sku.Sku} ({options.HotBuckets} buckets) from {options.Clients} clients, tenant {HotTenant}");
        HotSkuSide ours = await comparison.RunOursAsync(principals.For(HotTenant), cancellationToken);
        HotSkuSide? naive = null;
        if (dataSource is not null)
        {
            display.Stage("hot SKU against the naive baseline: one stock row, SELECT … FOR UPDATE");
            naive = await comparison.RunNaiveAsync(dataSource, cancellationToken);
        }
        var result = new HotSkuResult(comparison.Sku.Sku, WarehouseSites.All[0].WarehouseId, options.HotBuckets, comparison.OnHand, ours, naive);
        display.Stage($"hot SKU: ours {ours.AcceptedPerSecond:F1}/s, naive {naive?.AcceptedPerSecond.ToString("F1") ?? "n/a"}/s");
        return result;
    }
}
