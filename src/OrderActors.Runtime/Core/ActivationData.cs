using Microsoft.Extensions.Logging;
using OrderActors.Runtime.Invocation;
using OrderActors.Runtime.Reminders;
using OrderActors.Runtime.Storage;
using OrderActors.Runtime.Timers;

namespace OrderActors.Runtime.Core;

/// <summary>
/// One in-memory activation of a grain: its instance, its mailbox and its turn loop. Work items run
/// one at a time in arrival order; the loop awaits each turn before taking the next, so grain code
/// never runs concurrently with itself and needs no locks.
/// </summary>
internal sealed partial class ActivationData : IGrainContext, IThreadPoolWorkItem
{
    private readonly object _lock = new();
    private readonly Queue<object> _mailbox = new();
    private readonly List<GrainTimer> _timers = [];
    private readonly ActivationServices _services;
    private ActivationStatus _status = ActivationStatus.Created;
    private bool _running;
    private DeactivationReason? _pendingDeactivation;
    private long _lastActivityMs = Environment.TickCount64;
    private Grain? _grain;

    public ActivationData(GrainId grainId, GrainClassInfo grainClass, ActivationServices services)
    {
        GrainId = grainId;
        GrainClass = grainClass;
        _services = services;
    }

    public GrainId GrainId { get; }

    public GrainClassInfo GrainClass { get; }

    public IGrainFactory GrainFactory => _services.GrainFactory;

    public ReminderService Reminders => _services.Reminders;

    public ActivationStatus Status => _status;

    /// <summary>Milliseconds since the last call or reminder (timer ticks do not count).</summary>
    public long IdleMilliseconds => Environment.TickCount64 - Volatile.Read(ref _lastActivityMs);

    public bool IsBusy
    {
        get
        {
            lock (_lock)
            {
                return _running || _mailbox.Count > 0;
            }
        }
    }

    /// <summary>Queues a work item; false once the activation is gone (the caller re-dispatches).</summary>
    public bool TryEnqueue(object workItem)
    {
        lock (_lock)
        {
            if (_status == ActivationStatus.Invalid)
            {
                return false;
            }
            _mailbox.Enqueue(workItem);
            if (_running)
            {
                return true;
            }
            _running = true;
        }
        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        return true;
    }

    public void RequestDeactivation(DeactivationReason reason)
    {
        lock (_lock)
        {
            if (_status is ActivationStatus.Invalid or ActivationStatus.Deactivating || _pendingDeactivation is not null)
            {
                return;
            }
            _pendingDeactivation = reason;
            if (_running)
            {
                return;
            }
            _running = true;
        }
        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    public IDisposable RegisterTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new GrainTimer(this, callback, dueTime, period, _services.Time, _services.Logger);
        lock (_lock)
        {
            _timers.Add(timer);
        }
        timer.Start();
        return timer;
    }

    internal void RemoveTimer(GrainTimer timer)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
        }
    }

    void IThreadPoolWorkItem.Execute() => _ = RunAsync();

    private async Task RunAsync()
    {
        try
        {
            if (_status == ActivationStatus.Created && !await ActivateAsync())
            {
                return;
            }
            while (true)
            {
                object? item = null;
                DeactivationReason? deactivation;
                lock (_lock)
                {
                    deactivation = TakePendingDeactivation();
                    if (deactivation is null && !_mailbox.TryDequeue(out item))
                    {
                        _running = false;
                        return;
                    }
                }
                if (deactivation is not null)
                {
                    await DeactivateAsync(deactivation);
                    return;
                }
                await RunTurnAsync(item!);
            }
        }
        catch (Exception ex)
        {
            _services.Logger.LogCritical(ex, "Turn loop of {GrainId} failed; dropping the activation", GrainId);
            Invalidate(failQueuedWith: ex);
        }
    }

    /// <summary>Idle collection is cancelled when work arrived after the collector chose this activation.</summary>
    private DeactivationReason? TakePendingDeactivation()
    {
        DeactivationReason? reason = _pendingDeactivation;
        if (reason is { Code: DeactivationReasonCode.ActivationIdle } && _mailbox.Count > 0)
        {
            _pendingDeactivation = null;
            return null;
        }
        return reason;
    }

    private Task RunTurnAsync(object item) => item switch
    {
        InvokeRequest request => RunRequestAsync(request),
        GrainTimer timer => timer.RunTickAsync(),
        _ => throw new InvalidOperationException($"Unknown work item {item.GetType().Name}."),
    };

    private async Task<bool> ActivateAsync()
    {
        try
        {
            _status = ActivationStatus.Activating;
            (Grain grain, IReadOnlyList<IPersistentStateLoader> states) = _services.Activator.Create(this);
            _grain = grain;
            foreach (IPersistentStateLoader state in states)
            {
                await state.ReadStateAsync();
            }
            using var cts = new CancellationTokenSource(_services.Options.ResponseTimeout);
            await grain.OnActivateAsync(cts.Token);
            lock (_lock)
            {
                _status = ActivationStatus.Valid;
            }
            return true;
        }
        catch (Exception ex)
        {
            _services.Logger.LogError(ex, "Activating {GrainId} failed", GrainId);
            Invalidate(failQueuedWith: new InvalidOperationException($"Activating {GrainId} failed: {ex.Message}", ex));
            return false;
        }
    }

    private async Task DeactivateAsync(DeactivationReason reason)
    {
        lock (_lock)
        {
            _status = ActivationStatus.Deactivating;
        }
        DisposeTimers();
        if (_grain is not null)
        {
            try
            {
                using var cts = new CancellationTokenSource(_services.Options.DeactivationTimeout);
                await _grain.OnDeactivateAsync(reason, cts.Token).WaitAsync(_services.Options.DeactivationTimeout);
            }
            catch (Exception ex)
            {
                _services.Logger.LogWarning(ex, "OnDeactivateAsync of {GrainId} failed ({Reason})", GrainId, reason.Code);
            }
        }
        _services.Logger.LogDebug("Deactivated {GrainId}: {Reason} ({Description})", GrainId, reason.Code, reason.Description);
        List<object> leftovers = Invalidate(failQueuedWith: null);
        foreach (InvokeRequest request in leftovers.OfType<InvokeRequest>())
        {
            _services.Redispatch(request);
        }
    }

    /// <summary>Marks the activation gone, removes it from the catalog and hands back (or fails) what was still queued.</summary>
    private List<object> Invalidate(Exception? failQueuedWith)
    {
        List<object> leftovers;
        lock (_lock)
        {
            _status = ActivationStatus.Invalid;
            _running = false;
            leftovers = [.. _mailbox];
            _mailbox.Clear();
        }
        DisposeTimers();
        _services.Catalog.Remove(this);
        if (failQueuedWith is not null)
        {
            foreach (InvokeRequest request in leftovers.OfType<InvokeRequest>())
            {
                request.Fail(failQueuedWith);
            }
        }
        return leftovers;
    }

    /// <summary>Drops the activation without running grain code: the silo is being killed or lost ownership abruptly.</summary>
    public List<InvokeRequest> Abandon() => Invalidate(failQueuedWith: null).OfType<InvokeRequest>().ToList();

    private void DisposeTimers()
    {
        GrainTimer[] timers;
        lock (_lock)
        {
            timers = [.. _timers];
            _timers.Clear();
        }
        foreach (GrainTimer timer in timers)
        {
            timer.Dispose();
        }
    }

    public override string ToString() => $"Activation({GrainId}, {_status})";
}

/// <summary>The lifecycle of an activation.</summary>
internal enum ActivationStatus
{
    Created,
    Activating,
    Valid,
    Deactivating,
    Invalid,
}
