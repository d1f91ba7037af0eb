using OrderActors.Runtime.Core;

namespace OrderActors.Runtime.Reminders;

/// <summary>Where reminders are kept so that they outlive the silo.</summary>
internal interface IReminderTable
{
    Task UpsertAsync(ReminderRow row);

    Task DeleteAsync(GrainId grainId, string name);

    Task<IReadOnlyList<ReminderRow>> ReadAllAsync();

    Task MarkFiredAsync(GrainId grainId, string name, DateTimeOffset firedAt);
}

/// <summary>A stored reminder: ticks at FirstDueAt + k × Period.</summary>
internal sealed record ReminderRow(GrainId GrainId, string Name, DateTimeOffset FirstDueAt, TimeSpan Period, DateTimeOffset? LastFiredAt);
