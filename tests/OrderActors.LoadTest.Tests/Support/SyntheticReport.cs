using OrderActors.LoadTest.Access;
using OrderActors.LoadTest.Engine;
using OrderActors.LoadTest.Hub;
using OrderActors.LoadTest.HotSku;
using OrderActors.LoadTest.Metrics;
using OrderActors.LoadTest.Naive;
using OrderActors.LoadTest.Reporting;
using OrderActors.LoadTest.Traffic;

namespace OrderActors.LoadTest.Tests.Support;

/// <summary>A report assembled from recorders filled by hand, for the writers' tests (no traffic, no server).</summary>
public static class SyntheticReport
{
    /// <summary>The admin token the synthetic run was given, which no report may show.</summary>
    public const string AdminToken = "oak_admin_synthetic-secret";

    public static LoadTestReport Build(bool withBaseline = true)
    {
        LoadTestOptions options = LoadTestOptions.Quick([new Uri("http://127.0.0.1:5090")], "lt-report", AdminCredential.FromToken(AdminToken, "--admin-token")) with { Baseline = withBaseline };
        var schedule = new RateSchedule(options.Phases);
        TrafficRecorder ours = Filled("orderactors", schedule, latencyMs: 8);
        TrafficRecorder naive = Filled("naive-sql", schedule, latencyMs: 20);
        var server = new ServerReport(true, 0, 0, 120, 0, [], 7, 0, new Dictionary<string, long> { ["out_of_stock"] = 12 }, new Dictionary<string, long> { ["Allocated"] = 900 });
        var audit = new HubAuditResult(1000, 0, 0, 0, [], new Dictionary<string, int> { ["Allocated"] = 900 }, 0, [], 0, [], server,
            [new AuditLine("lost", true, "1000 read back"), new AuditLine("oversold", true, "0 units")]);
        var oursReport = new OursReport(
            TargetReports.From(ours, [new BacklogSample(1, 3), new BacklogSample(20, 40), new BacklogSample(44, 0)]),
            new SetupSummary(6, 60, 3, 300, 5000, 360, 1.5), 40, 3, 2.5, 0.5, [new BacklogSample(1, 3), new BacklogSample(20, 40), new BacklogSample(44, 0)], audit,
            new TripResult("WH-SH", 25, 0.4, 200, 8, 7, 0, 1, 0, null), null, 0, 0, PostgresWaits.From(
            [
                new PostgresWaitSample(24, new Dictionary<string, int> { ["running"] = 2 }),
                new PostgresWaitSample(25, new Dictionary<string, int> { ["running"] = 1, ["Lock:object"] = 40 }),
                new PostgresWaitSample(26, new Dictionary<string, int> { ["Lock:object"] = 12, ["LWLock:WALWrite"] = 3 }),
            ]));
        NaiveReport? naiveReport = withBaseline
            ? new NaiveReport(TargetReports.From(naive), new NaiveAuditResult(1000, 0, 0, 0, 0, 0, new Dictionary<string, int>(), [new AuditLine("oversold", true, "0 units")]))
            : null;
        var hot = new HotSkuResult("HOT-PIL-001", "WH-HZ", 8, 800,
            new HotSkuSide("orderactors", 400, 32, 400, 400, 0, 3, 0.5, 0.8, true, 500, 800, 10, 40),
            withBaseline ? new HotSkuSide("naive-sql", 400, 32, 400, 400, 0, 0, 2, 2, true, 200, 200, 150, 300) : null);
        DateTimeOffset started = new(2026, 11, 11, 0, 0, 0, TimeSpan.Zero);
        var access = new AccessReport("--admin-token", [new IssuedKey("k1", "loadtest lt-report operator", "operator", "lt-report"), new IssuedKey("k2", "loadtest lt-report connector:jd", "connector:jd", "lt-report")], 2, []);
        return ReportAssembler.Assemble(options, started, started.AddMinutes(2), oursReport, naiveReport, hot, access);
    }

    /// <summary>Every phase fully accepted at its rate, each answer taking <paramref name="latencyMs"/>.</summary>
    private static TrafficRecorder Filled(string target, RateSchedule schedule, double latencyMs)
    {
        var recorder = new TrafficRecorder(target, schedule);
        OrderPlan plan = GeneratedOrders.Plans(1)[0];
        foreach (ScheduledArrival arrival in schedule.Arrivals())
        {
            recorder.Issued(arrival.Phase, RequestKind.Order, TimeSpan.Zero);
            double latency = latencyMs * (arrival.Phase == 2 ? 3 : 1);
            recorder.Completed(arrival.Phase, new TrafficRequest(RequestKind.Order, plan), new TargetOutcome(OutcomeKind.Accepted, 202), TimeSpan.FromMilliseconds(latency), arrival.Due);
        }
        return recorder;
    }
}
