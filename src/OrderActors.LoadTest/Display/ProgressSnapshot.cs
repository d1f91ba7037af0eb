using OrderActors.LoadTest.Engine;
using OrderActors.LoadTest.Metrics;

namespace OrderActors.LoadTest.Display;

/// <summary>One phase's line on the live display.</summary>
public sealed record PhaseRow(string Name, double TargetRate, double AchievedRate, double P50Ms, double P99Ms, long Errors, long RateLimited, long Dropped, bool Current);

/// <summary>What the live display shows at one moment.</summary>
public sealed record ProgressSnapshot(string Target, double ElapsedSeconds, double TotalSeconds, int InFlight, long? Backlog, IReadOnlyList<PhaseRow> Phases)
{
    private static readonly TimeSpan _settle = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Reads the recorder: a finished phase's rate is over its whole duration, the running phase's over the part
    /// elapsed so far, phases not begun show zero. A phase becomes the current one after its first second: a rate
    /// over a few milliseconds says nothing, so until then the phase before it stays current.
    /// </summary>
    public static ProgressSnapshot From(TrafficRecorder recorder, OpenLoopDriver driver, long? backlog)
    {
        TimeSpan elapsed = driver.Elapsed;
        RateSchedule schedule = recorder.Schedule;
        int current = schedule.PhaseAt(elapsed > _settle ? elapsed - _settle : TimeSpan.Zero);
        PhaseRow[] rows = recorder.Phases.Select((phase, i) =>
        {
            double seconds = Math.Clamp((elapsed - schedule.StartOf(i)).TotalSeconds, 0, phase.Spec.Duration.TotalSeconds);
            return new PhaseRow(
                phase.Spec.Name,
                phase.Spec.RatePerSecond,
                seconds > 0 ? phase.AcceptedOrders / seconds : 0,
                phase.Orders.Latency.Percentile(0.50).TotalMilliseconds,
                phase.Orders.Latency.Percentile(0.99).TotalMilliseconds,
                phase.Errors,
                phase.RateLimited,
                phase.Dropped,
                i == current && elapsed < schedule.Total);
        }).ToArray();
        return new ProgressSnapshot(recorder.Target, elapsed.TotalSeconds, schedule.Total.TotalSeconds, driver.InFlight, backlog, rows);
    }
}
