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
/// The floor of the transport stack: a 13-byte request echoed straight back over Kestrel's socket
/// transport and System.IO.Pipelines on loopback, with nothing else in the path.
/// </summary>
internal sealed class RawPipeEcho : IAsyncDisposable
{
    private const int MessageSize = 13;
    private readonly IConnectionListener _listener;
    private readonly ConnectionContext _client;
    private readonly byte[] _message = new byte[MessageSize];

    private RawPipeEcho(IConnectionListener listener, ConnectionContext client)
    {
        _listener = listener;
        _client = client;
    }

    public static async Task<RawPipeEcho> StartAsync()
    {
        var transport = new SocketTransportFactory(Options.Create(new SocketTransportOptions { NoDelay = true }), NullLoggerFactory.Instance);
        IConnectionListener listener = await transport.BindAsync(new IPEndPoint(IPAddress.Loopback, 0));
        _ = AcceptAsync(listener);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync((IPEndPoint)listener.EndPoint);
        ConnectionContext client = new SocketConnectionContextFactory(new SocketConnectionFactoryOptions(), NullLogger.Instance).Create(socket);
        return new RawPipeEcho(listener, client);
    }

    public async Task RoundTripAsync()
    {
        await _client.Transport.Output.WriteAsync(_message);
        await ReadExactlyAsync(_client.Transport.Input);
    }

    private static async Task AcceptAsync(IConnectionListener listener)
    {
        while (await listener.AcceptAsync() is { } connection)
        {
            _ = EchoAsync(connection.Transport);
        }
    }

    private static async Task EchoAsync(IDuplexPipe pipe)
    {
        while (true)
        {
            ReadResult result = await pipe.Input.ReadAsync();
            ReadOnlySequence<byte> buffer = result.Buffer;
            while (buffer.Length >= MessageSize)
            {
                foreach (ReadOnlyMemory<byte> segment in buffer.Slice(0, MessageSize))
                {
                    pipe.Output.Write(segment.Span);
                }
                buffer = buffer.Slice(MessageSize);
            }
            pipe.Input.AdvanceTo(buffer.Start, buffer.End);
            await pipe.Output.FlushAsync();
            if (result.IsCompleted)
            {
                return;
            }
        }
    }

    private static async Task ReadExactlyAsync(PipeReader input)
    {
        while (true)
        {
            ReadResult result = await input.ReadAsync();
            if (result.Buffer.Length >= MessageSize)
            {
                input.AdvanceTo(result.Buffer.GetPosition(MessageSize));
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
