using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace OrderActors.Runtime.Invocation;

/// <summary>
/// Fails calls whose response did not arrive within the response timeout. One sweeper for all
/// calls instead of a timer per call: a call costs a dictionary insert and remove.
/// </summary>
internal sealed class ResponseTracker : IDisposable
{
    private readonly ConcurrentDictionary<long, PendingCall> _pending = new();
    private readonly Timer _sweeper;
    private long _nextId;

    public ResponseTracker(IOptions<SiloOptions> options, TimeProvider time)
    {
        Timeout = options.Value.ResponseTimeout;
        Time = time;
        TimeSpan sweep = TimeSpan.FromTicks(Math.Clamp(Timeout.Ticks / 10, TimeSpan.FromMilliseconds(20).Ticks, TimeSpan.FromSeconds(1).Ticks));
        _sweeper = new Timer(_ => Sweep(), null, sweep, sweep);
    }

    public TimeSpan Timeout { get; }

    public TimeProvider Time { get; }

    public int PendingCount => _pending.Count;

    public PendingCall<TResult> Register<TResult>(InvokeRequestInfo info)
    {
        long id = Interlocked.Increment(ref _nextId);
        var call = new PendingCall<TResult>(this, id, info, Time.GetTimestamp());
        _pending[id] = call;
        return call;
    }

    internal void Remove(long id) => _pending.TryRemove(id, out _);

    private void Sweep()
    {
        long now = Time.GetTimestamp();
        foreach (PendingCall call in _pending.Values)
        {
            if (Time.GetElapsedTime(call.StartedAt, now) >= Timeout)
            {
                call.Fail(new GrainCallTimeoutException(
                    $"{call.Info} got no response within {Timeout.TotalSeconds:0.###} s. " +
                    "An awaited call cycle (A → B → A) or a turn that never finishes causes this; make one direction a [OneWay] call."));
            }
        }
    }

    public void Dispose() => _sweeper.Dispose();
}

/// <summary>What a pending call was, for the timeout message.</summary>
internal readonly record struct InvokeRequestInfo(string Method, Core.GrainId Target)
{
    public override string ToString() => $"Call {Method} on {Target}";
}

/// <summary>A call whose caller is waiting.</summary>
internal abstract class PendingCall(ResponseTracker tracker, long id, InvokeRequestInfo info, long startedAt) : IResponseSink
{
    public long Id { get; } = id;

    public InvokeRequestInfo Info { get; } = info;

    public long StartedAt { get; } = startedAt;

    public abstract bool IsDone { get; }

    public void Complete(object? result)
    {
        tracker.Remove(Id);
        SetResult(result);
    }

    public void Fail(Exception exception)
    {
        tracker.Remove(Id);
        SetException(exception);
    }

    protected abstract void SetResult(object? result);

    protected abstract void SetException(Exception exception);
}

/// <summary>A pending call with a typed task for the caller. Continuations never run on the callee's turn.</summary>
internal sealed class PendingCall<TResult>(ResponseTracker tracker, long id, InvokeRequestInfo info, long startedAt)
    : PendingCall(tracker, id, info, startedAt)
{
    private readonly TaskCompletionSource<TResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<TResult> Task => _completion.Task;

    public override bool IsDone => _completion.Task.IsCompleted;

    protected override void SetResult(object? result) => _completion.TrySetResult((TResult)result!);

    protected override void SetException(Exception exception) => _completion.TrySetException(exception);
}
