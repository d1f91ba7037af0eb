using OrderActors.LoadTest.Access;
using OrderActors.LoadTest.Hub;
using OrderActors.LoadTest.HotSku;
using OrderActors.LoadTest.Metrics;
using OrderActors.LoadTest.Naive;

namespace OrderActors.LoadTest.Reporting;

/// <summary>Latency percentiles in milliseconds, read from a histogram (each within its bucket's ~3 %).</summary>
public sealed record LatencySummary(long Count, double P50Ms, double P90Ms, double P99Ms, double P999Ms, double MaxMs)
{
    public static LatencySummary From(LatencyHistogram histogram) => new(
        histogram.Count,
        Ms(histogram.Percentile(0.50)),
        Ms(histogram.Percentile(0.90)),
        Ms(histogram.Percentile(0.99)),
        Ms(histogram.Percentile(0.999)),
        Ms(histogram.Max));

    private static double Ms(TimeSpan value) => Math.Round(value.TotalMilliseconds, 3);
}

/// <summary>One request kind within a phase; <see cref="RateLimited"/> counts the 429 answers, apart from the refusals.</summary>
public sealed record KindReport(long Issued, long Dropped, long Accepted, long Duplicates, long Conflicts, long Rejected, long RateLimited, long Failed, LatencySummary Latency);

/// <summary>
/// One phase: its configured rate and duration, the new orders it offered, how many were acknowledged per second
/// of the phase, the order-intake latency, and every request kind's counts. <see cref="Errors"/> are failed and
/// refused requests; <see cref="RateLimited"/> the ones the hub's rate limit answered 429.
/// </summary>
public sealed record PhaseReport(
    string Name,
    double TargetRatePerSec,
    double DurationSec,
    long OfferedOrders,
    long AcceptedOrders,
    double AcceptedPerSec,
    long Dropped,
    long Errors,
    long RateLimited,
    LatencySummary OrderLatency,
    IReadOnlyDictionary<string, KindReport> Requests);

/// <summary>One second of the run: orders acknowledged, the order requests' p99 and errors, and the hub's backlog if read.</summary>
public sealed record TimelinePoint(int Second, long Accepted, double? P99Ms, long Errors, long? Backlog);

/// <summary>Everything measured about one system under the phased traffic, with the reasons of any failed or refused requests.</summary>
public sealed record TargetReport(
    string Target,
    IReadOnlyList<PhaseReport> Phases,
    IReadOnlyList<TimelinePoint> Timeline,
    long AcknowledgedOrders,
    long RateLimited,
    double? P99RatioSpikeToBaseline,
    LatencySummary SchedulerLag,
    LatencySummary ClientQueueing,
    IReadOnlyDictionary<string, long> Problems);

/// <summary>Ours beside the naive baseline, phase by phase: ours ÷ baseline (above 1 means ours did more, or was slower for latencies).</summary>
public sealed record ComparisonReport(
    IReadOnlyDictionary<string, double?> AcceptedPerSecRatio,
    IReadOnlyDictionary<string, double?> P50Ratio,
    IReadOnlyDictionary<string, double?> P99Ratio);

/// <summary>The hub's run: traffic figures, backlog and drains, the audit, the setup and the faults injected.</summary>
public sealed record OursReport(
    TargetReport Traffic,
    SetupSummary Setup,
    long? BacklogAtSpikeEnd,
    long? BaselineBacklogPeak,
    double? DrainAfterSpikeSeconds,
    double? DrainAfterLastPhaseSeconds,
    IReadOnlyList<BacklogSample> Backlog,
    HubAuditResult Audit,
    TripResult? Trip,
    KillResult? Kill,
    long ClientRetries,
    long Unreachable,
    PostgresWaits? PostgresWaits = null);

/// <summary>The naive SQL baseline's run.</summary>
public sealed record NaiveReport(TargetReport Traffic, NaiveAuditResult Audit);

/// <summary>
/// The whole load test report, written as report.json. Top-level figures first (each measured in this run):
/// "Baseline" in acceptedPerSecBaseline is the hub's baseline phase; the naive SQL baseline is under naiveBaseline.
/// </summary>
public sealed record LoadTestReport(
    int SchemaVersion,
    string Mode,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    double AcceptedPerSecBaseline,
    double AcceptedPerSecSpike,
    double? P99RatioSpikeToBaseline,
    double? DrainSeconds,
    double? DrainAfterLastPhaseSeconds,
    long? BacklogAtSpikeEnd,
    double? HotSkuRatioVsBaseline,
    long Oversold,
    long Lost,
    long? Rerouted,
    long RateLimited,
    bool AuditPassed,
    IReadOnlyList<AuditLine> AuditLines,
    IReadOnlyList<GoalResult> Goals,
    RunSettings Settings,
    OursReport Ours,
    NaiveReport? NaiveBaseline,
    ComparisonReport? Comparison,
    HotSkuResult? HotSku,
    AccessReport Access,
    IReadOnlyList<string> Notes);

/// <summary>How the run was configured.</summary>
public sealed record RunSettings(
    IReadOnlyList<string> Servers,
    string Tenant,
    int Clients,
    int Seed,
    int Skus,
    int HotSkus,
    int HotBuckets,
    IReadOnlyList<PhaseSetting> Phases,
    bool NaiveBaseline,
    int HotSkuOrders,
    string Machine,
    string? LoadAverageAtStart,
    string? LoadAverageAtEnd);

/// <summary>One configured phase.</summary>
public sealed record PhaseSetting(string Name, double RatePerSec, double DurationSec);
