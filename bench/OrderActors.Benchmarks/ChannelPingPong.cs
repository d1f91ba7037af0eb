using System.Threading.Channels;

namespace OrderActors.Benchmarks;

/// <summary>
/// The bare baseline: one consumer loop reading requests from a Channel and completing each request's
/// TaskCompletionSource, the least any actor mailbox hand-off can cost.
/// </summary>
internal sealed class ChannelPingPong : IAsyncDisposable
{
    private readonly Channel<Request> _channel = Channel.CreateUnbounded<Request>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _consumer;

    public ChannelPingPong() => _consumer = Task.Run(ConsumeAsync);

    public Task<int> PingAsync(int value)
    {
        var request = new Request(value);
        _channel.Writer.TryWrite(request);
        return request.Completion.Task;
    }

    private async Task ConsumeAsync()
    {
        await foreach (Request request in _channel.Reader.ReadAllAsync())
        {
            request.Completion.SetResult(request.Value + 1);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Writer.Complete();
        await _consumer;
    }

    private sealed class Request(int value)
    {
        public int Value { get; } = value;

        public TaskCompletionSource<int> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
