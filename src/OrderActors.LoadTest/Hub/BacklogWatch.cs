using System.Collections.Concurrent;
using OrderActors.LoadTest.Engine;

namespace OrderActors.LoadTest.Hub;

/// <summary>One reading of the backlog: seconds from the start of the run, and the count (null when unreadable).</summary>
public sealed record BacklogSample(double AtSeconds, long? Backlog);

/// <summary>
/// Watches the hub's backlog during and after the traffic: a reading every second for the chart, and two drains
/// polled every 100 ms. The spike drain runs from the end of the spike phase (traffic goes on at the recovery
/// rate) to the first reading back at or below the most the baseline phase's readings showed: the backlog the
/// spike left behind, worked off. The final drain runs from the scheduled end of the last phase to the first
/// reading of zero; requests still in flight at that end count towards it.
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

    /// <summary>The most the baseline phase's readings showed: what the baseline rate keeps in flight by itself.</summary>
    public long? BaselinePeak { get; private set; }

    /// <summary>Seconds from the end of the spike until the backlog was back at <see cref="BaselinePeak"/> or below.</summary>
    public double? SpikeDrainSeconds { get; private set; }

    /// <summary>Seconds from the end of the last phase until the backlog read zero.</summary>
    public double? DrainSeconds { get; private set; }

    public bool Drained => DrainSeconds is not null;

    /// <summary>The actions to hand the driver: the sampler, the spike drain and the final drain.</summary>
    public IReadOnlyList<TimedAction> Actions(int? baselinePhase, int? spikePhase)
    {
        var actions = new List<TimedAction>
        {
            new("backlog-sampler", TimeSpan.Zero, SampleAsync),
            new("drain", driver.Schedule.Total, DrainAsync),
        };
        if (spikePhase is { } spike)
        {
            actions.Add(new TimedAction("spike-drain", driver.Schedule.EndOf(spike), token => SpikeDrainAsync(baselinePhase, spike, token)));
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

    private async Task SpikeDrainAsync(int? baselinePhase, int spikePhase, CancellationToken cancellationToken)
    {
        TimeSpan spikeEnd = driver.Schedule.EndOf(spikePhase);
        long threshold = Peak(baselinePhase);
        BaselinePeak = threshold;
        BacklogSample reading = await ReadAsync(cancellationToken);
        AtSpikeEnd = reading.Backlog;
        TimeSpan deadline = driver.Schedule.Total + drainTimeout;
        while (reading.Backlog is null || reading.Backlog > threshold)
        {
            if (DrainSeconds is { } final)
            {
                SpikeDrainSeconds = (driver.Schedule.Total - spikeEnd).TotalSeconds + final;
                return;
            }
            if (driver.Elapsed >= deadline)
            {
                return;
            }
            await Task.Delay(_drainPoll, cancellationToken);
            reading = await ReadAsync(cancellationToken);
        }
        SpikeDrainSeconds = Math.Max(0, (driver.Elapsed - spikeEnd).TotalSeconds);
    }

    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        TimeSpan end = driver.Schedule.Total;
        try
        {
            while (driver.Elapsed - end < drainTimeout)
            {
                BacklogSample reading = await ReadAsync(cancellationToken);
                if (reading.Backlog == 0)
                {
                    DrainSeconds = Math.Max(0, (driver.Elapsed - end).TotalSeconds);
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

    /// <summary>The highest readable sample taken during <paramref name="phase"/>; zero without one.</summary>
    private long Peak(int? phase)
    {
        if (phase is not { } index)
        {
            return 0;
        }
        double from = driver.Schedule.StartOf(index).TotalSeconds;
        double to = driver.Schedule.EndOf(index).TotalSeconds;
        return _samples.Where(sample => sample.AtSeconds >= from && sample.AtSeconds < to && sample.Backlog is not null)
            .Select(sample => sample.Backlog!.Value)
            .DefaultIfEmpty(0)
            .Max();
    }

    /// <summary>
    /// Reads the backlog; the sample is stamped with the moment the reading started, while the drains count to the
    /// moment the answer came, so they never end early.
    /// </summary>
    private async Task<BacklogSample> ReadAsync(CancellationToken cancellationToken)
    {
        TimeSpan at = driver.Elapsed;
        long? count = await backlog.CountAsync(cancellationToken);
        var sample = new BacklogSample(Math.Round(at.TotalSeconds, 2), count);
        _samples.Enqueue(sample);
        return sample;
    }
}
