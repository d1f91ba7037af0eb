using System.Runtime.InteropServices;
using OrderActors.LoadTest.Access;
using OrderActors.LoadTest.Engine;
using OrderActors.LoadTest.Hub;
using OrderActors.LoadTest.HotSku;

namespace OrderActors.LoadTest.Reporting;

/// <summary>Puts the run's parts together: the headline figures, every audit line, the settings and the definitions behind the numbers.</summary>
public static class ReportAssembler
{
    public const int SchemaVersion = 1;

    public static LoadTestReport Assemble(
        LoadTestOptions options, DateTimeOffset startedAt, DateTimeOffset finishedAt, OursReport ours, NaiveReport? naive, HotSkuResult? hot, AccessReport access,
        string? loadAtStart = null)
    {
        TargetReport traffic = ours.Traffic;
        PhaseReport? baseline = traffic.Phases.FirstOrDefault(phase => phase.Name == PhaseSpec.Baseline) ?? traffic.Phases.FirstOrDefault();
        PhaseReport? spike = traffic.Phases.FirstOrDefault(phase => phase.Name == PhaseSpec.Spike);
        ServerReport server = ours.Audit.Server;
        long oversold = new[] { ours.Audit.OversoldUnits, server.AuditOversold ?? 0, server.DashboardOversold ?? 0 }.Max();
        double? hotSkuRatio = hot?.RatioVsBaseline is { } ratio ? Math.Round(ratio, 4) : null;
        var lines = new List<AuditLine>(ours.Audit.Lines);
        if (naive is not null)
        {
            lines.AddRange(naive.Audit.Lines.Select(line => line with { Name = $"naive-sql {line.Name}" }));
        }
        if (hot is not null)
        {
            lines.AddRange(HotSkuLines(hot));
        }
        return new LoadTestReport(
            SchemaVersion,
            options.Mode,
            startedAt,
            finishedAt,
            baseline?.AcceptedPerSec ?? 0,
            spike?.AcceptedPerSec ?? 0,
            traffic.P99RatioSpikeToBaseline,
            ours.DrainAfterSpikeSeconds,
            ours.DrainAfterLastPhaseSeconds,
            ours.BacklogAtSpikeEnd,
            hotSkuRatio,
            oversold,
            ours.Audit.Lost,
            server.Reroutes,
            traffic.RateLimited + (hot?.Ours.RateLimited ?? 0),
            lines.All(line => line.Passed),
            lines,
            Goals.Check(traffic.P99RatioSpikeToBaseline, ours.DrainAfterSpikeSeconds, hotSkuRatio, oversold, ours.Audit.Lost),
            Settings(options, loadAtStart),
            ours,
            naive,
            naive is null ? null : TargetReports.Compare(traffic, naive.Traffic),
            hot,
            access,
            Notes);
    }

    /// <summary>Every hot-SKU order that was answered must have got its unit: the stock was twice the orders.</summary>
    private static IEnumerable<AuditLine> HotSkuLines(HotSkuResult hot)
    {
        yield return new AuditLine("hot-sku", hot.Ours.Settled && hot.Ours.GotStock == hot.Ours.Answered,
            $"orderactors: {hot.Ours.GotStock} of {hot.Ours.Answered} answered orders allocated{(hot.Ours.Settled ? "" : ", backlog not settled")}");
        if (hot.Naive is { } naive)
        {
            yield return new AuditLine("naive-sql hot-sku", naive.GotStock == naive.Answered, $"naive-sql: {naive.GotStock} of {naive.Answered} answered orders reserved");
        }
    }

    private static RunSettings Settings(LoadTestOptions options, string? loadAtStart) => new(
        options.Servers.Select(server => server.ToString()).ToList(),
        options.Tenant,
        options.Clients,
        options.Seed,
        options.Skus,
        options.HotSkus,
        options.HotBuckets,
        options.Phases.Select(phase => new PhaseSetting(phase.Name, phase.RatePerSecond, phase.Duration.TotalSeconds)).ToList(),
        options.Baseline,
        options.HotSkuOrders,
        $"{Environment.ProcessorCount} CPUs, {RuntimeInformation.OSDescription}, .NET {Environment.Version}",
        loadAtStart,
        MachineLoad.Read());

    private static IReadOnlyList<string> Notes { get; } =
    [
        "Every figure was measured in this invocation; ratios compare figures measured one after the other in it, ours first. The load generator shares the machine (see settings.machine) with whatever else runs there; settings.loadAverageAtStart and loadAverageAtEnd are the machine's 1, 5 and 15 minute load averages around the run.",
        "acceptedPerSec*: new orders acknowledged (202 for the hub, a committed row for the baseline) among those due in the phase, divided by the phase's planned duration. Traffic is open loop: orders leave on schedule whatever the answers; a request that would exceed the client bound is dropped and counted, not queued.",
        "A short warm-up phase at the baseline rate comes first (connections, JIT, caches); it is reported but no headline figure uses it.",
        "Latency runs from the moment a request is dispatched to its answer, so any wait for a thread in the load generator counts against the system (schedulerLag and clientQueueing show how much of that was the generator's own); it is read from log-linear histograms (each percentile within about 3 %). p99RatioSpikeToBaseline is the hub's order-intake p99 in the spike phase over the same in the baseline phase.",
        "The hub acknowledges an order once it is durably recorded; stock reservation and allocation follow asynchronously. The naive baseline reserves stock inside the acknowledged transaction. The backlog is the run's orders in Paid or Reserved (not yet past reservation and allocation). drainSeconds: from the scheduled end of the spike phase, while traffic goes on at the recovery rate, to the first poll (every 100 ms) finding the backlog back at or below the most the baseline phase's once-a-second readings showed (ours.baselineBacklogPeak). drainAfterLastPhaseSeconds: from the scheduled end of the last phase to the first poll finding it at zero, requests still in flight included. backlogAtSpikeEnd is the count read when the spike phase ended.",
        "oversold is the largest of three independent measures: units allocated beyond the stock given (summed from every order's own allocations), GET /api/v1/audit's oversold and the dashboard's. lost counts acknowledged orders the hub answers 404 for or cannot show after retries. rerouted is the dashboard's reroutes.",
        "Hot SKU: the same one-unit orders for one SKU from the run's client count, closed loop, the hub (its SKU split into buckets, a tenant of its own) then the baseline (one stock row, SELECT … FOR UPDATE). Orders that got stock per second from the first order sent until the last settled (hub: reached Allocated; baseline: committed as reserved). hotSkuRatioVsBaseline is ours over the baseline.",
        "rateLimited: requests the hub answered 429 (its intake limit per principal, Access:IntakePermitsPerSecond), in the phases and the hot-SKU comparison together. Each is counted under its phase and kind, listed with its Retry-After among the problems, and never retried: a rate-limited order is not acknowledged (so not audited), a rate-limited payment or cancellation not applied. They are not errors, but a run with any measured the limit as much as the hub.",
        "access: the run acts as the hub's callers do. With the admin credential (settings: access.adminSource; the credential itself is never written) it creates one API key per role it needs, in each tenant it uses: operator (set-up, the breaker trip, every read) and connector:{channel} for each channel it posts orders and messages on. It revokes them all at the end, however the run ended; access.notRevoked lists any the hub would not delete. Keys are never printed or written.",
        "The naive baseline runs in this process straight through Npgsql (no HTTP), on the same PostgreSQL server in its own schema naive_baseline, recreated for the run, with a connection pool the size of the client count.",
    ];
}
