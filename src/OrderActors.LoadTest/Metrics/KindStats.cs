using OrderActors.LoadTest.Engine;

namespace OrderActors.LoadTest.Metrics;

/// <summary>Counters and latencies of one request kind within one phase; safe to update from many threads.</summary>
public sealed class KindStats
{
    private readonly long[] _outcomes = new long[Enum.GetValues<OutcomeKind>().Length];
    private long _issued;
    private long _dropped;

    /// <summary>Latency of requests the system answered (accepted, duplicate or conflict).</summary>
    public LatencyHistogram Latency { get; } = new();

    public long Issued => Interlocked.Read(ref _issued);

    /// <summary>Requests not sent because the bound on in-flight requests was reached.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public long Completed => Enum.GetValues<OutcomeKind>().Sum(kind => this[kind]);

    public long this[OutcomeKind kind] => Interlocked.Read(ref _outcomes[(int)kind]);

    public void CountIssued() => Interlocked.Increment(ref _issued);

    public void CountDropped() => Interlocked.Increment(ref _dropped);

    public void Record(TargetOutcome outcome, TimeSpan latency)
    {
        Interlocked.Increment(ref _outcomes[(int)outcome.Kind]);
        if (outcome.Answered)
        {
            Latency.Record(latency);
        }
    }
}
