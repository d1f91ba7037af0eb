using Npgsql;
using OrderActors.Abstractions.Orders;
using OrderActors.LoadTest.Access;
using OrderActors.LoadTest.Display;
using OrderActors.LoadTest.Engine;
using OrderActors.LoadTest.HotSku;
using OrderActors.LoadTest.Hub;
using OrderActors.LoadTest.Metrics;
using OrderActors.LoadTest.Reporting;
using OrderActors.LoadTest.Traffic;

namespace OrderActors.LoadTest;

/// <summary>
/// One load test invocation: set the merchant up in the hub, drive the phased traffic through the REST facade
/// (with the trip and kill faults if asked), wait for the backlog to drain, audit; then, with --baseline, drive the
/// same seeded traffic against the naive SQL baseline on the same PostgreSQL server and audit it; then the
/// hot-SKU comparison; then the report. Every figure comes from this invocation.
/// </summary>
public sealed partial class LoadTestRunner(LoadTestOptions options, IProgressDisplay display)
{
    private readonly TrafficMix _mix = TrafficMix.Default;

    public async Task<LoadTestReport> RunAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset startedAt = DateTimeOffset.UtcNow;
        string? loadAtStart = MachineLoad.Read();
        int runTag = (int)(startedAt.ToUnixTimeSeconds() % 10_000);
        var schedule = new RateSchedule(options.Phases);
        Catalog catalog = Catalog.Build(options.Skus, options.HotSkus, options.HotBuckets, options.Seed);
        StockPlan stock = StockPlan.Build(catalog, _mix, options.Phases.Sum(phase => phase.ArrivalCount));
        var hubOptions = new HubClientOptions(options.Servers, options.Tenant, options.Clients, options.RequestTimeout) { Credential = options.Admin.Read() };
        using var admin = new HubClient(hubOptions, options.Handler);

        IReadOnlyList<TenantNeeds> needs = Needs();
        display.Stage($"principals: {string.Join("; ", needs.Select(need => $"operator + connector:{string.Join("/", need.Channels.Select(channel => channel.ToRouteName()))} in {need.Tenant}"))} (API keys created with {options.Admin.Source})");
        RunPrincipals principals = await RunPrincipals.CreateAsync(admin, options.Admin.Source, needs, cancellationToken);
        OursReport ours;
        NaiveReport? naive = null;
        HotSkuResult? hot = null;
        AccessReport access;
        try
        {
            TenantClients hub = principals.For(options.Tenant);
            display.Stage($"setup in tenant {options.Tenant}: {WarehouseSites.All.Count} warehouses, {catalog.ByRank.Count} SKUs ({catalog.Hot.Count()} hot), {stock.TotalUnits} units, {catalog.ByRank.Count * 6} mappings");
            SetupSummary setup = await new HubSetup(hub.Operator).RunAsync(WarehouseSites.All, catalog, stock, cancellationToken);
            ours = await RunOursAsync(hub, schedule, catalog, stock, setup, runTag, cancellationToken);
            if (options.Baseline)
            {
                await using NpgsqlDataSource dataSource = NaiveDataSource();
                naive = await RunNaiveAsync(dataSource, schedule, catalog, stock, runTag, cancellationToken);
                hot = await RunHotSkuAsync(principals, dataSource, catalog, runTag, cancellationToken);
            }
            else
            {
                hot = await RunHotSkuAsync(principals, dataSource: null, catalog, runTag, cancellationToken);
            }
        }
        finally
        {
            access = await principals.RevokeAsync();
            display.Stage($"principals: {access.Describe()}");
        }
        return ReportAssembler.Assemble(options, startedAt, DateTimeOffset.UtcNow, ours, naive, hot, access, loadAtStart);
    }

    /// <summary>The run's tenant posts on every channel of the mix; the hot-SKU comparison's tenant on its one channel.</summary>
    private IReadOnlyList<TenantNeeds> Needs()
    {
        var needs = new List<TenantNeeds> { new(options.Tenant, ChannelTraits.All.Where(traits => traits.TrafficWeight > 0).Select(traits => traits.Channel).ToList()) };
        if (options.HotSkuOrders > 0)
        {
            needs.Add(new TenantNeeds(HotTenant, [HotSkuComparison.Channel]));
        }
        return needs;
    }

    private string HotTenant => $"{options.Tenant}-hot";

    private async Task<OursReport> RunOursAsync(
        TenantClients hub, RateSchedule schedule, Catalog catalog, StockPlan stock, SetupSummary setup, int runTag, CancellationToken cancellationToken)
    {
        var recorder = new TrafficRecorder("orderactors", schedule);
        var planner = new OrderPlanner(catalog, _mix, options.Seed, runTag);
        var driver = new OpenLoopDriver(new HubTarget(hub), recorder, planner.Next, options.Clients);
        using var watch = new BacklogWatch(new HubBacklog(hub.Operator), driver, options.DrainTimeout);
        var chaos = new ChaosActions(hub.Operator, driver);
        await using NpgsqlDataSource? watchSource = options.WatchPg is { } watchPg ? NpgsqlDataSource.Create(watchPg) : null;
        PostgresWatch? postgres = watchSource is null ? null : new PostgresWatch(watchSource, driver);
        int? spike = IndexOf(schedule, PhaseSpec.Spike);
        List<TimedAction> actions = [.. watch.Actions(IndexOf(schedule, PhaseSpec.Baseline), spike)];
        if (postgres is not null)
        {
            actions.Add(postgres.Action());
        }
        if (options.TripAt is { } tripAt && options.TripWarehouse is { } warehouse)
        {
            actions.Add(chaos.TripAt(SpikeOffset(schedule, spike, tripAt), warehouse));
        }
        if (options.KillSiloPidFile is { } pidFile)
        {
            double killAt = options.KillAt ?? (spike is { } index ? schedule.Phases[index].Duration.TotalSeconds / 2 : 0);
            actions.Add(chaos.KillAt(SpikeOffset(schedule, spike, killAt), pidFile));
        }

        display.Stage($"traffic against the hub: {Describe(schedule)}, at most {options.Clients} requests in flight");
        Task running = driver.RunAsync(actions, cancellationToken);
        await display.ShowAsync(() => ProgressSnapshot.From(recorder, driver, watch.Samples.LastOrDefault()?.Backlog), running);
        await running;
        display.Stage(
            $"backlog at the end of the spike {watch.AtSpikeEnd?.ToString() ?? "n/a"}, back to the baseline phase's peak ({watch.BaselinePeak?.ToString() ?? "n/a"}) "
            + (watch.SpikeDrainSeconds is { } spikeDrain ? $"{spikeDrain:F1} s after the spike" : "not at all")
            + (watch.Drained ? $"; zero {watch.DrainSeconds:F1} s after the last phase" : $"; NOT zero within {options.DrainTimeout.TotalSeconds:F0} s of the last phase"));

        display.Stage($"audit: reading back {recorder.Ledger.Count} acknowledged orders, inventory, GET /api/v1/audit and the dashboard");
        long rejected = recorder.Phases.Sum(phase => Enum.GetValues<RequestKind>().Sum(kind => phase[kind][OutcomeKind.Rejected]));
        HubAuditResult audit = await new HubAudit(hub.Operator, options.Clients)
            .RunAsync(recorder.Ledger, catalog, stock, new AuditContext(watch.Drained, watch.DrainSeconds, rejected, recorder.RateLimited), cancellationToken);
        return new OursReport(
            TargetReports.From(recorder, watch.Samples), setup, watch.AtSpikeEnd, watch.BaselinePeak, watch.SpikeDrainSeconds, watch.DrainSeconds, watch.Samples, audit,
            chaos.Trip, chaos.Kill, hub.Operator.Retries, hub.Operator.Unreachable, postgres?.Result);
    }

    private static int? IndexOf(RateSchedule schedule, string name)
    {
        int index = schedule.Phases.ToList().FindIndex(phase => phase.Name == name);
        return index < 0 ? null : index;
    }

    /// <summary>Seconds into the spike as an offset from the start of the run (from the start when there is no spike).</summary>
    private static TimeSpan SpikeOffset(RateSchedule schedule, int? spike, double seconds) =>
        (spike is { } index ? schedule.StartOf(index) : TimeSpan.Zero) + TimeSpan.FromSeconds(seconds);

    private static string Describe(RateSchedule schedule) =>
        string.Join(" → ", schedule.Phases.Select(phase => $"{phase.Name} {phase.RatePerSecond:0.#}/s × {phase.Duration.TotalSeconds:0} s"));
}
