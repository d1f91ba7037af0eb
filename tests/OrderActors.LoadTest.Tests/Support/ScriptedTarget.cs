using System.Collections.Concurrent;
using OrderActors.LoadTest.Engine;

namespace OrderActors.LoadTest.Tests.Support;

/// <summary>A traffic target that answers after a fixed delay with a chosen outcome and remembers every request.</summary>
public sealed class ScriptedTarget(TimeSpan delay, Func<TrafficRequest, TargetOutcome>? answer = null) : ITrafficTarget
{
    private int _inFlight;
    private int _maxInFlight;

    public ConcurrentQueue<(TrafficRequest Request, DateTimeOffset At)> Received { get; } = new();

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public string Name => "scripted";

    public async Task<TargetOutcome> SendAsync(TrafficRequest request, CancellationToken cancellationToken)
    {
        Received.Enqueue((request, DateTimeOffset.UtcNow));
        int now = Interlocked.Increment(ref _inFlight);
        for (int seen = Volatile.Read(ref _maxInFlight); now > seen; seen = Volatile.Read(ref _maxInFlight))
        {
            Interlocked.CompareExchange(ref _maxInFlight, now, seen);
        }
        try
        {
            await Task.Delay(delay, cancellationToken);
            return answer?.Invoke(request) ?? new TargetOutcome(OutcomeKind.Accepted, 202, request.Plan.OrderId);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
