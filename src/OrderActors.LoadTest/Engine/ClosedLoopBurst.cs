using System.Collections.Concurrent;
using System.Diagnostics;
using OrderActors.LoadTest.Metrics;
using OrderActors.LoadTest.Traffic;

namespace OrderActors.LoadTest.Engine;

/// <summary>What a burst of orders got: each answer, the latencies and how long sending them all took.</summary>
public sealed record BurstResult(IReadOnlyList<TargetOutcome> Outcomes, LatencyHistogram Latency, TimeSpan Elapsed)
{
    public int Count(OutcomeKind kind) => Outcomes.Count(outcome => outcome.Kind == kind);

    /// <summary>How many answers reported this status ("reserved", "Paid" …).</summary>
    public int CountStatus(string status) => Outcomes.Count(outcome => outcome.Status == status);
}

/// <summary>
/// Sends a fixed list of orders as fast as <paramref name="clients"/> concurrent clients can, each sending its next
/// order as soon as the previous one is answered (closed loop): the contention test, many buyers after one SKU.
/// </summary>
public static class ClosedLoopBurst
{
    public static async Task<BurstResult> RunAsync(ITrafficTarget target, IReadOnlyList<OrderPlan> plans, int clients, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(clients, 1);
        ThreadReservation.Ensure(clients);
        var outcomes = new ConcurrentBag<TargetOutcome>();
        var latency = new LatencyHistogram();
        int next = -1;
        var clock = Stopwatch.StartNew();
        Task[] workers = Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            for (int index = Interlocked.Increment(ref next); index < plans.Count; index = Interlocked.Increment(ref next))
            {
                long started = Stopwatch.GetTimestamp();
                TargetOutcome outcome = await target.SendAsync(new TrafficRequest(RequestKind.Order, plans[index]), cancellationToken);
                latency.Record(Stopwatch.GetElapsedTime(started));
                outcomes.Add(outcome);
            }
        }, cancellationToken)).ToArray();
        await Task.WhenAll(workers);
        return new BurstResult(outcomes.ToList(), latency, clock.Elapsed);
    }
}
