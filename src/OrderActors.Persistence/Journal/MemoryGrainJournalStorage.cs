using System.Globalization;
using Orleans.Storage;

namespace OrderActors.Persistence.Journal;

/// <summary>Journals in process memory (the memory mode) with the same sequence rules as PostgreSQL.</summary>
public sealed class MemoryGrainJournalStorage : IGrainJournalStorage
{
    private readonly Dictionary<JournalId, Journal> _journals = [];
    private readonly Lock _lock = new();

    public Task<JournalRead> ReadAsync(JournalId journal)
    {
        lock (_lock)
        {
            return Task.FromResult(_journals.TryGetValue(journal, out Journal? stored)
                ? new JournalRead(stored.SnapshotJson, stored.SnapshotVersion, stored.Events.Skip((int)stored.SnapshotVersion).ToList())
                : new JournalRead(null, 0, []));
        }
    }

    public Task AppendAsync(JournalId journal, long afterVersion, IReadOnlyList<string> eventsJson)
    {
        lock (_lock)
        {
            if (!_journals.TryGetValue(journal, out Journal? stored))
            {
                stored = new Journal();
                _journals[journal] = stored;
            }
            if (stored.Events.Count != afterVersion)
            {
                throw new InconsistentStateException(
                    $"Journal {journal} has {stored.Events.Count} events; this activation appended after {afterVersion}.",
                    stored.Events.Count.ToString(CultureInfo.InvariantCulture),
                    afterVersion.ToString(CultureInfo.InvariantCulture));
            }
            stored.Events.AddRange(eventsJson);
        }
        return Task.CompletedTask;
    }

    public Task WriteSnapshotAsync(JournalId journal, long version, string stateJson)
    {
        lock (_lock)
        {
            Journal stored = _journals[journal];
            if (version > stored.SnapshotVersion && version <= stored.Events.Count)
            {
                stored.SnapshotJson = stateJson;
                stored.SnapshotVersion = version;
            }
        }
        return Task.CompletedTask;
    }

    private sealed class Journal
    {
        public List<string> Events { get; } = [];

        public string? SnapshotJson { get; set; }

        public long SnapshotVersion { get; set; }
    }
}
