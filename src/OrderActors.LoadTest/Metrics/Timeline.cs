namespace OrderActors.LoadTest.Metrics;

/// <summary>One second of the run: new orders accepted in it and the latency of the order requests that completed in it.</summary>
public sealed class TimelineSecond
{
    private long _accepted;
    private long _errors;

    public LatencyHistogram OrderLatency { get; } = new();

    public long Accepted => Interlocked.Read(ref _accepted);

    public long Errors => Interlocked.Read(ref _errors);

    public void CountAccepted() => Interlocked.Increment(ref _accepted);

    public void CountError() => Interlocked.Increment(ref _errors);
}

/// <summary>
/// The run second by second, by completion time, for the over-time chart. Seconds past the planned end (requests
/// still in flight) land in a short tail; anything later is folded into the tail's last second.
/// </summary>
public sealed class Timeline
{
    private readonly TimelineSecond[] _seconds;

    public Timeline(TimeSpan plannedDuration, TimeSpan tail)
    {
        int count = (int)Math.Ceiling((plannedDuration + tail).TotalSeconds);
        _seconds = Enumerable.Range(0, Math.Max(1, count)).Select(_ => new TimelineSecond()).ToArray();
    }

    public IReadOnlyList<TimelineSecond> Seconds => _seconds;

    public TimelineSecond At(TimeSpan offset) => _seconds[Math.Clamp((int)offset.TotalSeconds, 0, _seconds.Length - 1)];

    /// <summary>The seconds up to the last one in which anything completed.</summary>
    public IReadOnlyList<TimelineSecond> Used()
    {
        int last = Array.FindLastIndex(_seconds, second => second.OrderLatency.Count > 0 || second.Accepted > 0 || second.Errors > 0);
        return _seconds.Take(last + 1).ToArray();
    }
}
