using OrderActors.LoadTest.Engine;

namespace OrderActors.LoadTest.Metrics;

/// <summary>Collects one target's run: per-phase statistics, the second-by-second timeline and the ledger of acknowledged orders.</summary>
public sealed class TrafficRecorder
{
    private readonly PhaseStats[] _phases;

    public TrafficRecorder(string target, RateSchedule schedule)
    {
        Target = target;
        Schedule = schedule;
        _phases = schedule.Phases.Select(spec => new PhaseStats(spec)).ToArray();
        Timeline = new Timeline(schedule.Total, TimeSpan.FromSeconds(60));
    }

    public string Target { get; }

    public RateSchedule Schedule { get; }

    public IReadOnlyList<PhaseStats> Phases => _phases;

    public Timeline Timeline { get; }

    public OrderLedger Ledger { get; } = new();

    /// <summary>How late the scheduler dispatched requests relative to their due time (client-side lag, not the system's).</summary>
    public LatencyHistogram SchedulerLag { get; } = new();

    /// <summary>How long a dispatched request waited in this process for a thread before it was sent: a generator that is short of CPU shows here.</summary>
    public LatencyHistogram ClientQueueing { get; } = new();

    /// <summary>Why requests failed, were refused or were rate-limited, by request kind, status code and reason.</summary>
    public ProblemSamples Problems { get; } = new();

    /// <summary>Requests answered 429 across every phase.</summary>
    public long RateLimited => _phases.Sum(phase => phase.RateLimited);

    public PhaseStats Phase(string name) => _phases.First(phase => phase.Spec.Name == name);

    public void Issued(int phase, RequestKind kind, TimeSpan lag)
    {
        _phases[phase][kind].CountIssued();
        SchedulerLag.Record(lag);
    }

    public void Dropped(int phase, RequestKind kind) => _phases[phase][kind].CountDropped();

    public void Completed(int phase, TrafficRequest request, TargetOutcome outcome, TimeSpan latency, TimeSpan completedAt)
    {
        _phases[phase][request.Kind].Record(outcome, latency);
        Ledger.Apply(request, outcome);
        if (outcome.Kind is OutcomeKind.Failed or OutcomeKind.Rejected or OutcomeKind.RateLimited)
        {
            Problems.Add($"{request.Kind.ToString().ToLowerInvariant()} {outcome.StatusCode?.ToString() ?? "-"}: {outcome.Detail}");
        }
        if (request.Kind != RequestKind.Order)
        {
            return;
        }
        TimelineSecond second = Timeline.At(completedAt);
        if (outcome.Answered)
        {
            second.OrderLatency.Record(latency);
        }
        if (outcome.Kind is OutcomeKind.Accepted or OutcomeKind.Duplicate)
        {
            second.CountAccepted();
        }
        else if (outcome.Kind is OutcomeKind.Failed or OutcomeKind.Rejected)
        {
            second.CountError();
        }
    }
}
