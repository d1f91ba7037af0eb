using OrderActors.Runtime.Core;

namespace OrderActors.Runtime.Invocation;

/// <summary>A call on its way to, or queued in, an activation.</summary>
internal sealed class InvokeRequest(GrainId target, GrainMethod method, object?[] args, IResponseSink? sink, int forwardCount = 0)
{
    public GrainId Target { get; } = target;

    public GrainMethod Method { get; } = method;

    public object?[] Args { get; } = args;

    /// <summary>Where the response goes; null for one-way calls.</summary>
    public IResponseSink? Sink { get; } = sink;

    /// <summary>How many times a silo passed this request on to another silo.</summary>
    public int ForwardCount { get; } = forwardCount;

    /// <summary>When this silo created or received the request (Environment.TickCount64).</summary>
    public long CreatedAtMs { get; } = Environment.TickCount64;

    /// <summary>The caller stopped waiting (timeout): running the request now would only waste a turn.</summary>
    public bool IsAbandoned => Sink is { IsDone: true };

    public void Complete(object? result) => Sink?.Complete(result);

    public void Fail(Exception exception) => Sink?.Fail(exception);

    public override string ToString() => $"{Method.DisplayName} on {Target}";
}

/// <summary>Receives the outcome of one request: a waiting local caller, or a remote silo's connection.</summary>
internal interface IResponseSink
{
    bool IsDone { get; }

    void Complete(object? result);

    void Fail(Exception exception);
}
