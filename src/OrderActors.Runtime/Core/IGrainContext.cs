using OrderActors.Runtime.Reminders;

namespace OrderActors.Runtime.Core;

/// <summary>What a grain instance can ask of the activation that hosts it.</summary>
internal interface IGrainContext
{
    GrainId GrainId { get; }

    IGrainFactory GrainFactory { get; }

    ReminderService Reminders { get; }

    void RequestDeactivation(DeactivationReason reason);

    IDisposable RegisterTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period);
}
