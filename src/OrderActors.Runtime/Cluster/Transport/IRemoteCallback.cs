using System.Buffers;

namespace OrderActors.Runtime.Cluster.Transport;

/// <summary>Whoever waits for the answer to a request sent to another silo.</summary>
internal interface IRemoteCallback
{
    /// <summary>The caller gave up (timeout): the entry can be dropped.</summary>
    bool IsDone { get; }

    /// <summary>How long the caller still waits, passed on so the callee can skip work nobody awaits.</summary>
    int RemainingMilliseconds { get; }

    /// <summary>A Response or Failure frame arrived; the payload is only valid during the call.</summary>
    void OnResponse(FrameKind kind, ReadOnlySequence<byte> payload);

    void OnConnectionLost(Exception exception);
}
