namespace OrderActors.Persistence.Journal;

/// <summary>Where journals live: events by sequence number, and the latest snapshot.</summary>
public interface IGrainJournalStorage
{
    /// <summary>The latest snapshot (JSON and the sequence number it covers; 0 when none) and every event after it, in order.</summary>
    Task<JournalRead> ReadAsync(JournalId journal);

    /// <summary>Stores events as sequence numbers <paramref name="afterVersion"/> + 1 …, all or none; throws Orleans' InconsistentStateException if any is taken.</summary>
    Task AppendAsync(JournalId journal, long afterVersion, IReadOnlyList<string> eventsJson);

    /// <summary>Stores a snapshot covering events up to <paramref name="version"/>, unless a newer one exists.</summary>
    Task WriteSnapshotAsync(JournalId journal, long version, string stateJson);
}

/// <summary>One journal: a grain (its Orleans grain type and full key) and the state's name.</summary>
public readonly record struct JournalId(string GrainType, string GrainKey, string StateName)
{
    public override string ToString() => $"{StateName} of {GrainType}/{GrainKey}";
}

/// <summary>A journal as read: the snapshot and the events after it.</summary>
public sealed record JournalRead(string? SnapshotJson, long SnapshotVersion, IReadOnlyList<string> EventsJson);
