using OrderActors.LoadTest.Engine;

namespace OrderActors.LoadTest.Metrics;

/// <summary>What happened during one phase, per request kind. Requests belong to the phase in which they were due.</summary>
public sealed class PhaseStats(PhaseSpec spec)
{
    private readonly KindStats[] _kinds = Enum.GetValues<RequestKind>().Select(_ => new KindStats()).ToArray();

    public PhaseSpec Spec { get; } = spec;

    public KindStats this[RequestKind kind] => _kinds[(int)kind];

    public KindStats Orders => this[RequestKind.Order];

    /// <summary>
    /// New orders the system acknowledged: accepted, or answered duplicate because a retried post had in fact
    /// reached it the first time.
    /// </summary>
    public long AcceptedOrders => Orders[OutcomeKind.Accepted] + Orders[OutcomeKind.Duplicate];

    /// <summary>Acknowledged new orders per second of the phase's planned duration.</summary>
    public double AcceptedPerSecond => AcceptedOrders / Spec.Duration.TotalSeconds;

    /// <summary>Failed and rejected requests of every kind.</summary>
    public long Errors => _kinds.Sum(kind => kind[OutcomeKind.Failed] + kind[OutcomeKind.Rejected]);

    /// <summary>Requests of every kind the hub's rate limit turned away (429): not errors, but not done either.</summary>
    public long RateLimited => _kinds.Sum(kind => kind[OutcomeKind.RateLimited]);

    public long Dropped => _kinds.Sum(kind => kind.Dropped);
}
