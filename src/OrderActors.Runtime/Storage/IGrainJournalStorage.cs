using OrderActors.Runtime.Core;

namespace OrderActors.Runtime.Storage;

/// <summary>Where journaled grain state lives: events by sequence number, and the latest snapshot.</summary>
public interface IGrainJournalStorage
{
    /// <summary>The latest snapshot (JSON and the sequence number it covers; 0 when none) and every event after it, in order.</summary>
    Task<JournalRead> ReadAsync(GrainId grainId, string stateName);

    /// <summary>Stores events as sequence numbers <paramref name="afterVersion"/> + 1 …; throws <see cref="InconsistentStateException"/> if any is taken.</summary>
    Task AppendAsync(GrainId grainId, string stateName, long afterVersion, IReadOnlyList<string> eventsJson);

    /// <summary>Stores a snapshot covering events up to <paramref name="version"/>, unless a newer one exists.</summary>
    Task WriteSnapshotAsync(GrainId grainId, string stateName, long version, string stateJson);
}

/// <summary>A journal as read: the snapshot and the events after it.</summary>
public sealed record JournalRead(string? SnapshotJson, long SnapshotVersion, IReadOnlyList<string> EventsJson);
