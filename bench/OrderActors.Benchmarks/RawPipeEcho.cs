using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace OrderActors.Benchmarks;

/// <summary>
/// The floor of the transport stack: a fixed-size request answered by a fixed-size response over Kestrel's socket
/// transport and System.IO.Pipelines on loopback (the same design as Orleans' own socket transport), with nothing
/// else in the path: no framing, serialization, routing or scheduling.
/// </summary>
internal sealed class RawPipeEcho : IAsyncDisposable
{
    private readonly IConnectionListener _listener;
    private readonly ConnectionContext _client;
    private readonly byte[] _request;
    private readonly int _responseSize;

    private RawPipeEcho(IConnectionListener listener, ConnectionContext client, int requestSize, int responseSize)
    {
        _listener = listener;
        _client = client;
        _request = new byte[requestSize];
        _responseSize = responseSize;
    }

    public static async Task<RawPipeEcho> StartAsync(int requestSize, int responseSize)
    {
        var transport = new SocketTransportFactory(Options.Create(new SocketTransportOptions { NoDelay = true }), NullLoggerFactory.Instance);
        IConnectionListener listener = await transport.BindAsync(new IPEndPoint(IPAddress.Loopback, 0));
        _ = AcceptAsync(listener, requestSize, new byte[responseSize]);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync((IPEndPoint)listener.EndPoint);
        ConnectionContext client = new SocketConnectionContextFactory(new SocketConnectionFactoryOptions(), NullLogger.Instance).Create(socket);
        return new RawPipeEcho(listener, client, requestSize, responseSize);
    }

    public async Task RoundTripAsync()
    {
        await _client.Transport.Output.WriteAsync(_request);
        await ReadExactlyAsync(_client.Transport.Input, _responseSize);
    }

    private static async Task AcceptAsync(IConnectionListener listener, int requestSize, byte[] response)
    {
        while (await listener.AcceptAsync() is { } connection)
        {
            _ = AnswerAsync(connection.Transport, requestSize, response);
        }
    }

    private static async Task AnswerAsync(IDuplexPipe pipe, int requestSize, byte[] response)
    {
        while (true)
        {
            ReadResult result = await pipe.Input.ReadAsync();
            ReadOnlySequence<byte> buffer = result.Buffer;
            while (buffer.Length >= requestSize)
            {
                pipe.Output.Write(response);
                buffer = buffer.Slice(requestSize);
            }
            pipe.Input.AdvanceTo(buffer.Start, buffer.End);
            await pipe.Output.FlushAsync();
            if (result.IsCompleted)
            {
                return;
            }
        }
    }

    private static async Task ReadExactlyAsync(PipeReader input, int size)
    {
        while (true)
        {
            ReadResult result = await input.ReadAsync();
            if (result.Buffer.Length >= size)
            {
                input.AdvanceTo(result.Buffer.GetPosition(size));
                return;
            }
            input.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _client.Abort();
        await _listener.UnbindAsync();
        await _listener.DisposeAsync();
    }
}
