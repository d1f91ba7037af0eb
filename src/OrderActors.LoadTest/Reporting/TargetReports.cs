using OrderActors.LoadTest.Engine;
using OrderActors.LoadTest.Hub;
using OrderActors.LoadTest.Metrics;

namespace OrderActors.LoadTest.Reporting;

/// <summary>Turns a recorder's counters and histograms into report records.</summary>
public static class TargetReports
{
    public static TargetReport From(TrafficRecorder recorder, IReadOnlyList<BacklogSample>? backlog = null)
    {
        PhaseReport[] phases = recorder.Phases.Select(Phase).ToArray();
        return new TargetReport(
            recorder.Target,
            phases,
            Timeline(recorder.Timeline, backlog ?? []),
            recorder.Ledger.Count,
            recorder.RateLimited,
            P99Ratio(phases, PhaseSpec.Spike, PhaseSpec.Baseline),
            LatencySummary.From(recorder.SchedulerLag),
            LatencySummary.From(recorder.ClientQueueing),
            recorder.Problems.Counts);
    }

    /// <summary>Ours ÷ the baseline per phase, for throughput and for the order latencies.</summary>
    public static ComparisonReport Compare(TargetReport ours, TargetReport naive)
    {
        Dictionary<string, PhaseReport> theirs = naive.Phases.ToDictionary(phase => phase.Name);
        return new ComparisonReport(
            ours.Phases.ToDictionary(phase => phase.Name, phase => Ratio(phase.AcceptedPerSec, theirs[phase.Name].AcceptedPerSec)),
            ours.Phases.ToDictionary(phase => phase.Name, phase => Ratio(phase.OrderLatency.P50Ms, theirs[phase.Name].OrderLatency.P50Ms)),
            ours.Phases.ToDictionary(phase => phase.Name, phase => Ratio(phase.OrderLatency.P99Ms, theirs[phase.Name].OrderLatency.P99Ms)));
    }

    public static double? Ratio(double numerator, double denominator) =>
        denominator > 0 ? Math.Round(numerator / denominator, 4) : null;

    private static double? P99Ratio(IReadOnlyList<PhaseReport> phases, string over, string under)
    {
        PhaseReport? top = phases.FirstOrDefault(phase => phase.Name == over);
        PhaseReport? bottom = phases.FirstOrDefault(phase => phase.Name == under);
        return top is null || bottom is null ? null : Ratio(top.OrderLatency.P99Ms, bottom.OrderLatency.P99Ms);
    }

    private static PhaseReport Phase(PhaseStats stats) => new(
        stats.Spec.Name,
        stats.Spec.RatePerSecond,
        stats.Spec.Duration.TotalSeconds,
        stats.Spec.ArrivalCount,
        stats.AcceptedOrders,
        Math.Round(stats.AcceptedPerSecond, 3),
        stats.Dropped,
        stats.Errors,
        stats.RateLimited,
        LatencySummary.From(stats.Orders.Latency),
        Enum.GetValues<RequestKind>().ToDictionary(kind => kind.ToString().ToLowerInvariant(), kind => Kind(stats[kind])));

    private static KindReport Kind(KindStats stats) => new(
        stats.Issued,
        stats.Dropped,
        stats[OutcomeKind.Accepted],
        stats[OutcomeKind.Duplicate],
        stats[OutcomeKind.Conflict],
        stats[OutcomeKind.Rejected],
        stats[OutcomeKind.RateLimited],
        stats[OutcomeKind.Failed],
        LatencySummary.From(stats.Latency));

    private static IReadOnlyList<TimelinePoint> Timeline(Timeline timeline, IReadOnlyList<BacklogSample> backlog)
    {
        IReadOnlyList<TimelineSecond> seconds = timeline.Used();
        Dictionary<int, long?> backlogBySecond = backlog
            .GroupBy(sample => (int)sample.AtSeconds)
            .ToDictionary(group => group.Key, group => group.Last().Backlog);
        int last = Math.Max(seconds.Count - 1, backlogBySecond.Count == 0 ? -1 : backlogBySecond.Keys.Max());
        return Enumerable.Range(0, last + 1).Select(second =>
        {
            TimelineSecond? at = second < seconds.Count ? seconds[second] : null;
            double? p99 = at is { OrderLatency.Count: > 0 } ? Math.Round(at.OrderLatency.Percentile(0.99).TotalMilliseconds, 3) : null;
            return new TimelinePoint(second, at?.Accepted ?? 0, p99, at?.Errors ?? 0, backlogBySecond.GetValueOrDefault(second));
        }).ToList();
    }
}
