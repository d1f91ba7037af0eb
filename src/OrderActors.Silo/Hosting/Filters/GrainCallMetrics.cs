using System.Diagnostics;
using System.Diagnostics.Metrics;
using Orleans;

namespace OrderActors.Silo.Hosting.Filters;

/// <summary>
/// Counts grain calls and failures and records their durations per grain type (meter "OrderActors.Grains").
/// Costs nothing while no metrics listener is subscribed.
/// </summary>
public sealed class GrainCallMetrics : IIncomingGrainCallFilter, IDisposable
{
    private readonly Meter _meter = new("OrderActors.Grains");
    private readonly Counter<long> _calls;
    private readonly Counter<long> _failures;
    private readonly Histogram<double> _duration;

    public GrainCallMetrics()
    {
        _calls = _meter.CreateCounter<long>("orderactors.grain.calls", description: "Grain calls executed");
        _failures = _meter.CreateCounter<long>("orderactors.grain.failures", description: "Grain calls that threw");
        _duration = _meter.CreateHistogram<double>("orderactors.grain.call.duration", unit: "ms", description: "Grain call execution time");
    }

    public Task Invoke(IIncomingGrainCallContext context) =>
        _calls.Enabled || _failures.Enabled || _duration.Enabled ? MeasureAsync(context) : context.Invoke();

    private async Task MeasureAsync(IIncomingGrainCallContext context)
    {
        long started = Stopwatch.GetTimestamp();
        var tag = new KeyValuePair<string, object?>("grain.type", context.TargetId.Type.ToString());
        try
        {
            await context.Invoke();
        }
        catch
        {
            _failures.Add(1, tag);
            throw;
        }
        finally
        {
            _calls.Add(1, tag);
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, tag);
        }
    }

    public void Dispose() => _meter.Dispose();
}
