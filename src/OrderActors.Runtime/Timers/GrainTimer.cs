using Microsoft.Extensions.Logging;
using OrderActors.Runtime.Core;

namespace OrderActors.Runtime.Timers;

/// <summary>
/// A per-activation timer. Each tick is queued as a turn of the activation, so it never overlaps a
/// call; the next tick is armed only after the previous one finished.
/// </summary>
internal sealed class GrainTimer(ActivationData activation, Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period, TimeProvider time, ILogger logger)
    : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private ITimer? _timer;
    private volatile bool _disposed;

    public void Start() => _timer = time.CreateTimer(_ => OnDue(), null, dueTime, Timeout.InfiniteTimeSpan);

    private void OnDue()
    {
        if (!_disposed && !activation.TryEnqueue(this))
        {
            Dispose();
        }
    }

    public async Task RunTickAsync()
    {
        if (_disposed)
        {
            return;
        }
        try
        {
            await callback(_cancellation.Token);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Timer tick of {GrainId} failed", activation.GrainId);
        }
        if (!_disposed && period != Timeout.InfiniteTimeSpan)
        {
            _timer?.Change(period, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        _cancellation.Cancel();
        _timer?.Dispose();
        activation.RemoveTimer(this);
    }
}
