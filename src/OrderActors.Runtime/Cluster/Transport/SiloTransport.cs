using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderActors.Runtime.Core;
using OrderActors.Runtime.Invocation;
using OrderActors.Runtime.Storage;

namespace OrderActors.Runtime.Cluster.Transport;

/// <summary>
/// Silo-to-silo calls over TCP on Kestrel's socket transport (System.IO.Pipelines): listens for other
/// silos, keeps one outgoing connection per peer, and hands incoming requests to the router.
/// </summary>
internal sealed class SiloTransport : IIncomingFrameHandler, IAsyncDisposable
{
    private readonly SiloOptions _options;
    private readonly GrainTypeRegistry _registry;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly SocketConnectionContextFactory _clientFactory;
    private readonly ConcurrentDictionary<string, Lazy<Task<SiloConnection>>> _outgoing = new();
    private readonly ConcurrentDictionary<SiloConnection, byte> _incoming = new();
    private IConnectionListener? _listener;
    private Timer? _maintenance;
    private Action<InvokeRequest> _route = _ => throw new InvalidOperationException("The transport is not attached to a router.");
    private int _unanswered;
    private volatile bool _rejecting;

    public SiloTransport(IOptions<SiloOptions> options, GrainTypeRegistry registry, ILoggerFactory loggerFactory)
    {
        _options = options.Value;
        _registry = registry;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<SiloTransport>();
        _clientFactory = new SocketConnectionContextFactory(new SocketConnectionFactoryOptions(), _logger);
    }

    /// <summary>The port actually bound (useful when the configured port is 0).</summary>
    public int BoundPort { get; private set; }

    public void AttachRouter(Action<InvokeRequest> route) => _route = route;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var factory = new SocketTransportFactory(Options.Create(new SocketTransportOptions { NoDelay = true }), _loggerFactory);
        IPAddress bindAddress = IPAddress.TryParse(_options.Cluster.AdvertisedHost, out IPAddress? ip) && IPAddress.IsLoopback(ip) ? ip : IPAddress.Any;
        _listener = await factory.BindAsync(new IPEndPoint(bindAddress, _options.Cluster.SiloPort), cancellationToken);
        BoundPort = ((IPEndPoint)_listener.EndPoint).Port;
        _ = AcceptLoopAsync(_listener);
        TimeSpan purge = _options.ResponseTimeout;
        _maintenance = new Timer(_ => PurgeAbandoned(), null, purge, purge);
    }

    /// <summary>Sends a request to its owner; when the owner cannot be reached the router re-routes it shortly after.</summary>
    public void Send(SiloAddress owner, InvokeRequest request)
    {
        if (_outgoing.TryGetValue(owner.Endpoint, out Lazy<Task<SiloConnection>>? existing)
            && existing.IsValueCreated && existing.Value.IsCompletedSuccessfully && existing.Value.Result.IsOpen)
        {
            SendOn(existing.Value.Result, request);
            return;
        }
        _ = ConnectAndSendAsync(owner, request);
    }

    /// <summary>A raw request/response on the same connection a grain call would use, without grain dispatch.</summary>
    public async Task PingAsync(SiloAddress silo) => await (await ConnectAsync(silo)).PingAsync();

    private void SendOn(SiloConnection connection, InvokeRequest request)
    {
        var callback = request.Sink as IRemoteCallback;
        int ttl = callback?.RemainingMilliseconds ?? (int)_options.ResponseTimeout.TotalMilliseconds;
        try
        {
            connection.SendRequest(request, callback, ttl);
        }
        catch (SiloUnavailableException ex)
        {
            RetryLater(request, ex);
        }
    }

    private async Task ConnectAndSendAsync(SiloAddress owner, InvokeRequest request)
    {
        try
        {
            SendOn(await ConnectAsync(owner), request);
        }
        catch (Exception ex)
        {
            RetryLater(request, ex);
        }
    }

    /// <summary>The request was never sent, so trying again is safe: after a pause the router re-resolves the owner (membership may have moved it).</summary>
    private void RetryLater(InvokeRequest request, Exception cause)
    {
        if (request.IsAbandoned || Environment.TickCount64 - request.CreatedAtMs > _options.ResponseTimeout.TotalMilliseconds)
        {
            request.Fail(new SiloUnavailableException($"{request}: its owner stayed unreachable ({cause.Message}).", cause));
            return;
        }
        _ = Task.Delay(200).ContinueWith(_ => _route(request), TaskScheduler.Default);
    }

    private Task<SiloConnection> ConnectAsync(SiloAddress silo)
    {
        Lazy<Task<SiloConnection>> lazy = _outgoing.GetOrAdd(silo.Endpoint, _ => new Lazy<Task<SiloConnection>>(() => OpenAsync(silo)));
        Task<SiloConnection> task = lazy.Value;
        if (task.IsFaulted || (task.IsCompletedSuccessfully && !task.Result.IsOpen))
        {
            _outgoing.TryRemove(new KeyValuePair<string, Lazy<Task<SiloConnection>>>(silo.Endpoint, lazy));
        }
        return task;
    }

    private async Task<SiloConnection> OpenAsync(SiloAddress silo)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var timeout = new CancellationTokenSource(_options.Cluster.ConnectTimeout);
            await socket.ConnectAsync(silo.Host, silo.Port, timeout.Token);
        }
        catch (Exception ex)
        {
            socket.Dispose();
            _outgoing.TryRemove(silo.Endpoint, out _);
            throw new SiloUnavailableException($"Silo {silo} at {silo.Endpoint} is unreachable: {ex.Message}", ex);
        }
        var connection = new SiloConnection(_clientFactory.Create(socket), silo.Endpoint, this, _logger) { Remote = silo };
        connection.Start();
        connection.TrySend(Frame.Create(FrameKind.Hello, 0, JsonSerializer.SerializeToUtf8Bytes(new Hello(_options.ClusterId), RuntimeJson.Options)));
        _ = connection.Closed.ContinueWith(_ => _outgoing.TryRemove(silo.Endpoint, out Lazy<Task<SiloConnection>>? _), TaskScheduler.Default);
        return connection;
    }

    private async Task AcceptLoopAsync(IConnectionListener listener)
    {
        while (true)
        {
            ConnectionContext? context;
            try
            {
                context = await listener.AcceptAsync();
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            if (context is null)
            {
                return;
            }
            var connection = new SiloConnection(context, context.RemoteEndPoint?.ToString() ?? "peer", this, _logger);
            _incoming[connection] = 0;
            _ = connection.Closed.ContinueWith(_ => _incoming.TryRemove(connection, out byte _), TaskScheduler.Default);
            connection.Start();
        }
    }

    public void OnHello(SiloConnection connection, ReadOnlySequence<byte> payload)
    {
        var reader = new System.Text.Json.Utf8JsonReader(payload);
        Hello? hello = JsonSerializer.Deserialize<Hello>(ref reader, RuntimeJson.Options);
        if (hello?.ClusterId != _options.ClusterId)
        {
            _logger.LogWarning("Refusing a connection from {Peer}: cluster {TheirCluster}, ours is {OurCluster}",
                connection.Description, hello?.ClusterId, _options.ClusterId);
            connection.Close();
        }
    }

    public void OnRequest(SiloConnection connection, FrameKind kind, long correlationId, ReadOnlySequence<byte> payload)
    {
        DecodedRequest decoded;
        try
        {
            decoded = MessageCodec.DecodeRequest(payload, _registry.GetMethod);
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Unreadable request from {Peer}", connection.Description);
            if (kind == FrameKind.Request)
            {
                connection.TrySend(Frame.Create(FrameKind.Failure, correlationId, ExceptionCodec.Encode(ex)));
            }
            return;
        }
        if (kind == FrameKind.Request && _rejecting)
        {
            connection.TrySend(Frame.Create(FrameKind.Rejected, correlationId, ReadOnlySpan<byte>.Empty));
            return;
        }
        IResponseSink? sink = null;
        if (kind == FrameKind.Request)
        {
            Interlocked.Increment(ref _unanswered);
            sink = new RemoteResponseSink(connection, correlationId, decoded.Method, decoded.TtlMilliseconds, () => Interlocked.Decrement(ref _unanswered));
        }
        _route(new InvokeRequest(decoded.Target, decoded.Method, decoded.Args, sink, decoded.Hops));
    }

    public void OnRejected(InvokeRequest request) => RetryLater(request, new SiloUnavailableException("the silo is leaving the cluster"));

    /// <summary>
    /// The end of a graceful leave: refuses new requests (callers re-route them; they never ran here)
    /// and waits until every request already accepted has been answered, including relayed ones.
    /// </summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        _rejecting = true;
        while (Volatile.Read(ref _unanswered) > 0 && !cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(10, CancellationToken.None);
        }
    }

    private void PurgeAbandoned()
    {
        foreach (SiloConnection connection in Connections())
        {
            connection.PurgeAbandoned();
        }
    }

    /// <summary>Closes the listener and every connection after letting queued frames out (end of a graceful stop).</summary>
    public async Task CloseAsync()
    {
        await UnbindAsync();
        await Task.WhenAll(Connections().Select(c => c.CloseGracefullyAsync(TimeSpan.FromSeconds(2))));
        _outgoing.Clear();
    }

    /// <summary>Closes the listener and every connection at once (a killed silo).</summary>
    public async ValueTask DisposeAsync()
    {
        await UnbindAsync();
        foreach (SiloConnection connection in Connections())
        {
            connection.Close();
        }
        _outgoing.Clear();
    }

    private async Task UnbindAsync()
    {
        _maintenance?.Dispose();
        IConnectionListener? listener = Interlocked.Exchange(ref _listener, null);
        if (listener is not null)
        {
            await listener.UnbindAsync();
            await listener.DisposeAsync();
        }
    }

    private IEnumerable<SiloConnection> Connections() =>
        _incoming.Keys.Concat(_outgoing.Values.Where(l => l.IsValueCreated && l.Value.IsCompletedSuccessfully).Select(l => l.Value.Result)).ToList();

    private sealed record Hello(string ClusterId);
}
