using System.Buffers;
using System.Buffers.Binary;

namespace OrderActors.Runtime.Cluster.Transport;

/// <summary>What a frame carries.</summary>
internal enum FrameKind : byte
{
    /// <summary>First frame of a connection: who is calling, in which cluster.</summary>
    Hello = 1,
    Request = 2,
    OneWayRequest = 3,
    Response = 4,
    Failure = 5,
    /// <summary>Raw round trip without grain dispatch: the transport's own cost (benchmarks, liveness).</summary>
    Ping = 6,
    Pong = 7,
    /// <summary>The request was not run (the silo is leaving): the caller may safely send it again elsewhere.</summary>
    Rejected = 8,
}

/// <summary>
/// Frames on a silo-to-silo connection: a 4-byte big-endian length (of everything after it), one kind
/// byte, an 8-byte correlation id, then the payload (UTF-8 JSON, or empty).
/// </summary>
internal static class Frame
{
    public const int HeaderSize = 13;
    public const int MaxFrameSize = 16 * 1024 * 1024;

    /// <summary>Builds a complete frame in a pooled buffer; the writer returns it to the pool after sending.</summary>
    public static OutgoingFrame Create(FrameKind kind, long correlationId, ReadOnlySpan<byte> payload)
    {
        byte[] buffer = Rent(kind, correlationId, payload.Length);
        payload.CopyTo(buffer.AsSpan(HeaderSize));
        return new OutgoingFrame(buffer, HeaderSize + payload.Length);
    }

    public static OutgoingFrame Create(FrameKind kind, long correlationId, ReadOnlySequence<byte> payload)
    {
        byte[] buffer = Rent(kind, correlationId, (int)payload.Length);
        payload.CopyTo(buffer.AsSpan(HeaderSize));
        return new OutgoingFrame(buffer, HeaderSize + (int)payload.Length);
    }

    private static byte[] Rent(FrameKind kind, long correlationId, int payloadLength)
    {
        if (payloadLength > MaxFrameSize - 9)
        {
            throw new InvalidOperationException($"A {payloadLength}-byte message exceeds the {MaxFrameSize}-byte frame limit.");
        }
        byte[] buffer = ArrayPool<byte>.Shared.Rent(HeaderSize + payloadLength);
        BinaryPrimitives.WriteInt32BigEndian(buffer, 9 + payloadLength);
        buffer[4] = (byte)kind;
        BinaryPrimitives.WriteInt64BigEndian(buffer.AsSpan(5), correlationId);
        return buffer;
    }

    /// <summary>Takes one whole frame off the front of <paramref name="buffer"/>; false when more bytes are needed.</summary>
    public static bool TryRead(ref ReadOnlySequence<byte> buffer, out FrameKind kind, out long correlationId, out ReadOnlySequence<byte> payload)
    {
        kind = default;
        correlationId = 0;
        payload = default;
        if (buffer.Length < HeaderSize)
        {
            return false;
        }
        Span<byte> header = stackalloc byte[HeaderSize];
        buffer.Slice(0, HeaderSize).CopyTo(header);
        int length = BinaryPrimitives.ReadInt32BigEndian(header);
        if (length < 9 || length > MaxFrameSize)
        {
            throw new InvalidDataException($"Frame length {length} is out of range: the peer does not speak this protocol.");
        }
        if (buffer.Length < 4 + length)
        {
            return false;
        }
        kind = (FrameKind)header[4];
        correlationId = BinaryPrimitives.ReadInt64BigEndian(header[5..]);
        payload = buffer.Slice(HeaderSize, length - 9);
        buffer = buffer.Slice(4 + length);
        return true;
    }
}

/// <summary>A serialized frame in a pooled buffer.</summary>
internal readonly record struct OutgoingFrame(byte[] Buffer, int Length)
{
    public void Return() => ArrayPool<byte>.Shared.Return(Buffer);
}
