using System.Buffers;
using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using OrderActors.Runtime.Cluster.Transport;

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

    public PendingCall<TResult> Register<TResult>(InvokeRequestInfo info, Type resultType)
    {
        long id = Interlocked.Increment(ref _nextId);
        var call = new PendingCall<TResult>(this, id, info, Time.GetTimestamp(), resultType);
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

/// <summary>A call whose caller is waiting, here or (through a connection) for another silo's answer.</summary>
internal abstract class PendingCall(ResponseTracker tracker, long id, InvokeRequestInfo info, long startedAt, Type resultType)
    : IResponseSink, IRemoteCallback
{
    public long Id { get; } = id;

    public InvokeRequestInfo Info { get; } = info;

    public long StartedAt { get; } = startedAt;

    public abstract bool IsDone { get; }

    public int RemainingMilliseconds =>
        (int)Math.Max(0, (tracker.Timeout - tracker.Time.GetElapsedTime(StartedAt)).TotalMilliseconds);

    public void OnResponse(FrameKind kind, ReadOnlySequence<byte> payload)
    {
        try
        {
            if (kind == FrameKind.Failure)
            {
                Fail(ExceptionCodec.Decode(payload.ToArray()));
                return;
            }
            Complete(resultType == typeof(void) ? null : MessageCodec.DecodeResult(resultType, payload));
        }
        catch (Exception ex)
        {
            Fail(new InvalidDataException($"{Info}: the response could not be read: {ex.Message}", ex));
        }
    }

    public void OnConnectionLost(Exception exception) => Fail(exception);

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
internal sealed class PendingCall<TResult>(ResponseTracker tracker, long id, InvokeRequestInfo info, long startedAt, Type resultType)
    : PendingCall(tracker, id, info, startedAt, resultType)
{
    private readonly TaskCompletionSource<TResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<TResult> Task => _completion.Task;

    public override bool IsDone => _completion.Task.IsCompleted;

    protected override void SetResult(object? result) => _completion.TrySetResult((TResult)result!);

    protected override void SetException(Exception exception) => _completion.TrySetException(exception);
}
