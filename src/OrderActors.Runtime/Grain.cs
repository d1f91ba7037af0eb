using OrderActors.Runtime.Core;

namespace OrderActors.Runtime;

/// <summary>
/// Base class of grain implementations. The runtime creates one activation per grain id, calls
/// <see cref="OnActivateAsync"/> after reading its persistent state, and runs its calls one at a time.
/// The grain context is attached after construction: use it from <see cref="OnActivateAsync"/> on.
/// </summary>
public abstract class Grain
{
    private IGrainContext? _context;

    internal IGrainContext Context =>
        _context ?? throw new InvalidOperationException("The grain context is attached after construction; use it from OnActivateAsync on.");

    /// <summary>The grain's identity.</summary>
    public GrainId GrainId => Context.GrainId;

    /// <summary>Hands out references to other grains.</summary>
    protected IGrainFactory GrainFactory => Context.GrainFactory;

    /// <summary>The grain's string key (for domain grains: <c>tenant/id</c>).</summary>
    public string GetPrimaryKeyString() => Context.GrainId.Key;

    /// <summary>Runs once per activation, after persistent state was read, before the first call.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs when the activation is collected or dropped. Not called when the silo dies abruptly.</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deactivate this activation once the current call has finished; the next call creates a new one.</summary>
    protected void DeactivateOnIdle() =>
        Context.RequestDeactivation(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "DeactivateOnIdle"));

    /// <summary>
    /// A timer that runs <paramref name="callback"/> as a turn of this activation (never overlapping a call),
    /// first after <paramref name="dueTime"/> and then every <paramref name="period"/> after the previous tick finished.
    /// It dies with the activation; ticks do not keep the activation from being collected.
    /// </summary>
    protected IDisposable RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        Context.RegisterTimer(callback, dueTime, period);

    /// <summary>A durable reminder: stored in the silo's reminder table, it fires even after a restart. The grain must implement <see cref="IRemindable"/>.</summary>
    protected Task RegisterOrUpdateReminderAsync(string reminderName, TimeSpan dueTime, TimeSpan period) =>
        Context.Reminders.RegisterOrUpdateAsync(Context.GrainId, reminderName, dueTime, period);

    /// <summary>Removes a durable reminder; unknown names are ignored.</summary>
    protected Task UnregisterReminderAsync(string reminderName) =>
        Context.Reminders.UnregisterAsync(Context.GrainId, reminderName);

    internal void Attach(IGrainContext context) => _context = context;
}
