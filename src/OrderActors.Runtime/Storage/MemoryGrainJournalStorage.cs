using OrderActors.Runtime.Core;

namespace OrderActors.Runtime.Storage;

/// <summary>Journals in process memory with the same sequence rules as PostgreSQL.</summary>
public sealed class MemoryGrainJournalStorage : IGrainJournalStorage
{
    private readonly Dictionary<(GrainId, string), Journal> _journals = new();

    public Task<JournalRead> ReadAsync(GrainId grainId, string stateName)
    {
        lock (_journals)
        {
            if (!_journals.TryGetValue((grainId, stateName), out Journal? journal))
            {
                return Task.FromResult(new JournalRead(null, 0, []));
            }
            return Task.FromResult(new JournalRead(journal.SnapshotJson, journal.SnapshotVersion, journal.Events.Skip((int)journal.SnapshotVersion).ToList()));
        }
    }

    public Task AppendAsync(GrainId grainId, string stateName, long afterVersion, IReadOnlyList<string> eventsJson)
    {
        lock (_journals)
        {
            if (!_journals.TryGetValue((grainId, stateName), out Journal? journal))
            {
                journal = new Journal();
                _journals[(grainId, stateName)] = journal;
            }
            if (journal.Events.Count != afterVersion)
            {
                throw new InconsistentStateException(
                    $"Journal {stateName} of {grainId} has {journal.Events.Count} events; this activation appended after {afterVersion}.",
                    journal.Events.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    afterVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            journal.Events.AddRange(eventsJson);
        }
        return Task.CompletedTask;
    }

    public Task WriteSnapshotAsync(GrainId grainId, string stateName, long version, string stateJson)
    {
        lock (_journals)
        {
            Journal journal = _journals[(grainId, stateName)];
            if (version > journal.SnapshotVersion && version <= journal.Events.Count)
            {
                journal.SnapshotJson = stateJson;
                journal.SnapshotVersion = version;
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
