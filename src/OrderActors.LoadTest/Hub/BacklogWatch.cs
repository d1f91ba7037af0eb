using System.Collections.Concurrent;
using OrderActors.LoadTest.Engine;

namespace OrderActors.LoadTest.Hub;

/// <summary>One reading of the backlog: seconds from the start of the run, and the count (null when unreadable).</summary>
public sealed record BacklogSample(double AtSeconds, long? Backlog);

/// <summary>
/// Watches the hub's backlog during and after the traffic: a reading every second for the chart, one at the end of
/// the spike, and after the last phase a poll every 100 ms until the backlog is zero. drainSeconds is the time from
/// the scheduled end of the last phase to the first poll that finds no order of the run in Paid or Reserved;
/// requests still in flight at that end count towards it.
/// </summary>
public sealed class BacklogWatch(HubBacklog backlog, OpenLoopDriver driver, TimeSpan drainTimeout) : IDisposable
{
    private static readonly TimeSpan _samplePeriod = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan _drainPoll = TimeSpan.FromMilliseconds(100);
    private readonly ConcurrentQueue<BacklogSample> _samples = new();
    private readonly CancellationTokenSource _drained = new();

    public IReadOnlyList<BacklogSample> Samples => _samples.OrderBy(sample => sample.AtSeconds).ToList();

    /// <summary>The backlog read when the spike phase ended; null if unreadable or no spike.</summary>
    public long? AtSpikeEnd { get; private set; }

    public double? DrainSeconds { get; private set; }

    public bool Drained => DrainSeconds is not null;

    /// <summary>The actions to hand the driver: the sampler, the spike-end reading and the drain.</summary>
    public IReadOnlyList<TimedAction> Actions(int? spikePhase)
    {
        var actions = new List<TimedAction>
        {
            new("backlog-sampler", TimeSpan.Zero, SampleAsync),
            new("drain", driver.Schedule.Total, DrainAsync),
        };
        if (spikePhase is { } spike)
        {
            actions.Add(new TimedAction("backlog-at-spike-end", driver.Schedule.EndOf(spike), async token =>
            {
                AtSpikeEnd = await ReadAsync(token);
            }));
        }
        return actions;
    }

    public void Dispose() => _drained.Dispose();

    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _drained.Token);
        using var timer = new PeriodicTimer(_samplePeriod);
        try
        {
            do
            {
                await ReadAsync(stop.Token);
            }
            while (await timer.WaitForNextTickAsync(stop.Token));
        }
        catch (OperationCanceledException) when (_drained.IsCancellationRequested)
        {
        }
    }

    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        TimeSpan end = driver.Schedule.Total;
        try
        {
            while (driver.Elapsed - end < drainTimeout)
            {
                long? count = await ReadAsync(cancellationToken);
                if (count == 0)
                {
                    DrainSeconds = (driver.Elapsed - end).TotalSeconds;
                    return;
                }
                await Task.Delay(_drainPoll, cancellationToken);
            }
        }
        finally
        {
            await _drained.CancelAsync();
        }
    }

    private async Task<long?> ReadAsync(CancellationToken cancellationToken)
    {
        TimeSpan at = driver.Elapsed;
        long? count = await backlog.CountAsync(cancellationToken);
        _samples.Enqueue(new BacklogSample(Math.Round(at.TotalSeconds, 2), count));
        return count;
    }
}
