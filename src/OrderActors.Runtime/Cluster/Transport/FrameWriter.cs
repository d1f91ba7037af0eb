using System.Buffers;
using System.Buffers.Binary;

namespace OrderActors.Runtime.Cluster.Transport;

/// <summary>
/// Writes a frame's payload straight into a pooled buffer after a reserved header, so a message is
/// serialized once and copied once (into the connection's pipe).
/// </summary>
internal sealed class FrameWriter : IBufferWriter<byte>
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(512);
    private int _written = Frame.HeaderSize;

    public void Advance(int count) => _written += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_written);
    }

    /// <summary>Fills in the header and hands the buffer over; this writer must not be used afterwards.</summary>
    public OutgoingFrame Complete(FrameKind kind, long correlationId)
    {
        if (_written > Frame.MaxFrameSize)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            throw new InvalidOperationException($"A {_written}-byte message exceeds the {Frame.MaxFrameSize}-byte frame limit.");
        }
        BinaryPrimitives.WriteInt32BigEndian(_buffer, _written - 4);
        _buffer[4] = (byte)kind;
        BinaryPrimitives.WriteInt64BigEndian(_buffer.AsSpan(5), correlationId);
        var frame = new OutgoingFrame(_buffer, _written);
        _buffer = [];
        return frame;
    }

    private void Ensure(int sizeHint)
    {
        int needed = _written + Math.Max(sizeHint, 256);
        if (needed <= _buffer.Length)
        {
            return;
        }
        byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _buffer.Length * 2));
        _buffer.AsSpan(0, _written).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
