using System.Collections.Concurrent;
using OrderActors.Runtime.Core;

namespace OrderActors.Runtime.Reminders;

/// <summary>Reminders in process memory (embedded and test silos without PostgreSQL).</summary>
internal sealed class MemoryReminderTable : IReminderTable
{
    private readonly ConcurrentDictionary<(GrainId, string), ReminderRow> _rows = new();

    public Task UpsertAsync(ReminderRow row)
    {
        _rows[(row.GrainId, row.Name)] = row;
        return Task.CompletedTask;
    }

    public Task DeleteAsync(GrainId grainId, string name)
    {
        _rows.TryRemove((grainId, name), out _);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ReminderRow>> ReadAllAsync() => Task.FromResult<IReadOnlyList<ReminderRow>>([.. _rows.Values]);

    public Task MarkFiredAsync(GrainId grainId, string name, DateTimeOffset firedAt)
    {
        if (_rows.TryGetValue((grainId, name), out ReminderRow? row))
        {
            _rows.TryUpdate((grainId, name), row with { LastFiredAt = firedAt }, row);
        }
        return Task.CompletedTask;
    }
}
