using OrderActors.Runtime.Core;

namespace OrderActors.Runtime.Storage;

/// <summary>
/// Durable grain state with optimistic concurrency. Versions only grow (a clear keeps the row as a
/// tombstone), so an ETag can never come back and let a stale writer through.
/// </summary>
public interface IGrainStorage
{
    /// <summary>The stored JSON and its ETag; (null, null) when nothing was ever stored, (null, etag) after a clear.</summary>
    Task<StoredState> ReadAsync(GrainId grainId, string stateName);

    /// <summary>Stores <paramref name="json"/> if the stored ETag still equals <paramref name="etag"/>; returns the new ETag or throws <see cref="InconsistentStateException"/>.</summary>
    Task<string> WriteAsync(GrainId grainId, string stateName, string json, string? etag);

    /// <summary>Clears the value if the stored ETag still equals <paramref name="etag"/>; returns the new ETag or throws <see cref="InconsistentStateException"/>.</summary>
    Task<string?> ClearAsync(GrainId grainId, string stateName, string? etag);
}

/// <summary>A stored state row: JSON (null when cleared or absent) and its ETag (null when never written).</summary>
public readonly record struct StoredState(string? Json, string? Etag);
