using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Threading.Channels;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;
using OrderActors.Runtime.Invocation;

namespace OrderActors.Runtime.Cluster.Transport;

/// <summary>
/// One TCP connection between two silos, multiplexing any number of requests by correlation id.
/// A reader loop dispatches incoming frames; a writer loop drains an outbox and flushes once per batch.
/// </summary>
internal sealed class SiloConnection
{
    private readonly ConnectionContext _context;
    private readonly IIncomingFrameHandler _handler;
    private readonly ILogger _logger;
    private readonly Channel<OutgoingFrame> _outbox = Channel.CreateUnbounded<OutgoingFrame>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<long, Outstanding> _pending = new();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _nextId;
    private int _closing;

    public SiloConnection(ConnectionContext context, string description, IIncomingFrameHandler handler, ILogger logger)
    {
        _context = context;
        Description = description;
        _handler = handler;
        _logger = logger;
    }

    public string Description { get; }

    /// <summary>The silo at the other end, once its hello arrived (incoming) or known from the start (outgoing).</summary>
    public SiloAddress? Remote { get; set; }

    public bool IsOpen => Volatile.Read(ref _closing) == 0;

    public Task Closed => _closed.Task;

    public int PendingCount => _pending.Count;

    public void Start()
    {
        _ = ReadLoopAsync();
        _ = WriteLoopAsync();
    }

    public bool TrySend(OutgoingFrame frame)
    {
        if (IsOpen && _outbox.Writer.TryWrite(frame))
        {
            return true;
        }
        frame.Return();
        return false;
    }

    /// <summary>Sends a request; its answer goes to <paramref name="callback"/> (null: one-way).</summary>
    public void SendRequest(InvokeRequest request, IRemoteCallback? callback, int ttlMilliseconds)
    {
        long id = Interlocked.Increment(ref _nextId);
        if (callback is not null)
        {
            _pending[id] = new Outstanding(callback, request);
        }
        OutgoingFrame frame = MessageCodec.EncodeRequest(callback is null ? FrameKind.OneWayRequest : FrameKind.Request, id, request, ttlMilliseconds);
        if (!TrySend(frame))
        {
            _pending.TryRemove(id, out _);
            throw new SiloUnavailableException($"The connection to {Description} is closed.");
        }
    }

    /// <summary>A raw round trip that bypasses grain dispatch.</summary>
    public Task PingAsync()
    {
        var callback = new PingCallback();
        long id = Interlocked.Increment(ref _nextId);
        _pending[id] = new Outstanding(callback, null);
        if (!TrySend(Frame.Create(FrameKind.Ping, id, ReadOnlySpan<byte>.Empty)))
        {
            _pending.TryRemove(id, out _);
            throw new SiloUnavailableException($"The connection to {Description} is closed.");
        }
        return callback.Task;
    }

    /// <summary>Drops entries whose caller already gave up, so a peer that never answers cannot grow the table.</summary>
    public void PurgeAbandoned()
    {
        foreach (KeyValuePair<long, Outstanding> entry in _pending)
        {
            if (entry.Value.Callback.IsDone)
            {
                _pending.TryRemove(entry.Key, out _);
            }
        }
    }

    private async Task ReadLoopAsync()
    {
        PipeReader input = _context.Transport.Input;
        Exception? error = null;
        try
        {
            while (true)
            {
                ReadResult result = await input.ReadAsync();
                ReadOnlySequence<byte> buffer = result.Buffer;
                while (Frame.TryRead(ref buffer, out FrameKind kind, out long id, out ReadOnlySequence<byte> payload))
                {
                    Dispatch(kind, id, payload);
                }
                input.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted || result.IsCanceled)
                {
                    break;
                }
            }
        }
        catch (Exception ex)
        {
            error = ex;
        }
        Close(error);
    }

    private void Dispatch(FrameKind kind, long id, ReadOnlySequence<byte> payload)
    {
        switch (kind)
        {
            case FrameKind.Response or FrameKind.Failure or FrameKind.Pong:
                if (_pending.TryRemove(id, out Outstanding? answered))
                {
                    answered.Callback.OnResponse(kind, payload);
                }
                break;
            case FrameKind.Rejected:
                if (_pending.TryRemove(id, out Outstanding? rejected) && rejected.Request is not null)
                {
                    _handler.OnRejected(rejected.Request);
                }
                break;
            case FrameKind.Request or FrameKind.OneWayRequest:
                _handler.OnRequest(this, kind, id, payload);
                break;
            case FrameKind.Ping:
                TrySend(Frame.Create(FrameKind.Pong, id, ReadOnlySpan<byte>.Empty));
                break;
            case FrameKind.Hello:
                _handler.OnHello(this, payload);
                break;
            default:
                throw new InvalidDataException($"Unknown frame kind {(byte)kind} from {Description}.");
        }
    }

    private async Task WriteLoopAsync()
    {
        PipeWriter output = _context.Transport.Output;
        try
        {
            while (await _outbox.Reader.WaitToReadAsync())
            {
                while (_outbox.Reader.TryRead(out OutgoingFrame frame))
                {
                    if (IsOpen)
                    {
                        output.Write(new ReadOnlySpan<byte>(frame.Buffer, 0, frame.Length));
                    }
                    frame.Return();
                }
                FlushResult flushed = await output.FlushAsync();
                if (flushed.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (Exception ex)
        {
            Close(ex);
        }
    }

    /// <summary>Closes the connection; every request still waiting on it fails (its outcome is unknown).</summary>
    public void Close(Exception? error = null)
    {
        if (Interlocked.Exchange(ref _closing, 1) == 1)
        {
            return;
        }
        if (error is not null and not ConnectionResetException and not ConnectionAbortedException)
        {
            _logger.LogDebug(error, "Connection to {Peer} failed", Description);
        }
        _outbox.Writer.TryComplete();
        var lost = new SiloUnavailableException(
            $"The connection to {Description} was lost before the response arrived; the call may or may not have run.", error);
        foreach (long id in _pending.Keys)
        {
            if (_pending.TryRemove(id, out Outstanding? outstanding))
            {
                outstanding.Callback.OnConnectionLost(lost);
            }
        }
        _context.Abort(new ConnectionAbortedException("silo connection closed"));
        _closed.TrySetResult();
    }

    /// <summary>
    /// Stops accepting frames to send, lets the writer put what is queued on the wire, then closes.
    /// Used at the end of a graceful leave so that last answers are not cut off.
    /// </summary>
    public async Task CloseGracefullyAsync(TimeSpan timeout)
    {
        _outbox.Writer.TryComplete();
        await Task.WhenAny(_outbox.Reader.Completion, Task.Delay(timeout));
        Close();
    }

    /// <summary>A request sent on this connection and still waiting for its answer.</summary>
    private sealed record Outstanding(IRemoteCallback Callback, InvokeRequest? Request);

    private sealed class PingCallback : IRemoteCallback
    {
        private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Task => _completion.Task;

        public bool IsDone => _completion.Task.IsCompleted;

        public int RemainingMilliseconds => int.MaxValue;

        public void OnResponse(FrameKind kind, ReadOnlySequence<byte> payload) => _completion.TrySetResult();

        public void OnConnectionLost(Exception exception) => _completion.TrySetException(exception);
    }
}

/// <summary>Handles what a connection receives that is not an answer to its own requests.</summary>
internal interface IIncomingFrameHandler
{
    void OnHello(SiloConnection connection, ReadOnlySequence<byte> payload);

    void OnRequest(SiloConnection connection, FrameKind kind, long correlationId, ReadOnlySequence<byte> payload);

    /// <summary>The peer refused a request without running it; it can be routed again.</summary>
    void OnRejected(InvokeRequest request);
}
