using System.Buffers;
using OrderActors.Runtime.Invocation;

namespace OrderActors.Runtime.Cluster.Transport;

/// <summary>
/// The answer to a request that came from another silo: serialized back on the connection it came
/// in on. When this silo forwards the request, the owner's raw answer is relayed unchanged.
/// </summary>
internal sealed class RemoteResponseSink(SiloConnection connection, long correlationId, GrainMethod method, int ttlMilliseconds, Action onAnswered)
    : IResponseSink, IRemoteCallback
{
    private readonly long _deadline = Environment.TickCount64 + ttlMilliseconds;
    private int _answered;

    public bool IsDone => Volatile.Read(ref _answered) == 1 || Environment.TickCount64 > _deadline;

    public int RemainingMilliseconds => (int)Math.Max(0, _deadline - Environment.TickCount64);

    public void Complete(object? result)
    {
        if (!TryAnswer())
        {
            return;
        }
        OutgoingFrame frame;
        try
        {
            frame = MessageCodec.EncodeResult(correlationId, method, result);
        }
        catch (Exception ex)
        {
            frame = Frame.Create(FrameKind.Failure, correlationId,
                ExceptionCodec.Encode(new InvalidOperationException($"The result of {method.DisplayName} could not be serialized: {ex.Message}", ex)));
        }
        connection.TrySend(frame);
    }

    public void Fail(Exception exception)
    {
        if (TryAnswer())
        {
            connection.TrySend(Frame.Create(FrameKind.Failure, correlationId, ExceptionCodec.Encode(exception)));
        }
    }

    public void OnResponse(FrameKind kind, ReadOnlySequence<byte> payload)
    {
        if (TryAnswer())
        {
            connection.TrySend(Frame.Create(kind, correlationId, payload));
        }
    }

    public void OnConnectionLost(Exception exception) => Fail(exception);

    private bool TryAnswer()
    {
        if (Interlocked.Exchange(ref _answered, 1) != 0)
        {
            return false;
        }
        onAnswered();
        return true;
    }
}
