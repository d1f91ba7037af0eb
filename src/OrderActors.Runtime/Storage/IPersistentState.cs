namespace OrderActors.Runtime;

/// <summary>
/// A grain's durable state, read when the activation starts. Writes carry the ETag read last: a write
/// made with a stale ETag fails with <see cref="InconsistentStateException"/> and the activation is dropped.
/// </summary>
public interface IPersistentState<TState> where TState : new()
{
    /// <summary>The current value; a new TState when nothing is stored.</summary>
    TState State { get; set; }

    /// <summary>The version this activation last read or wrote; null when nothing was ever stored.</summary>
    string? Etag { get; }

    /// <summary>Whether storage holds a value (false after a clear).</summary>
    bool RecordExists { get; }

    /// <summary>Re-reads the state from storage.</summary>
    Task ReadStateAsync();

    /// <summary>Writes <see cref="State"/>; completes only once storage acknowledged it.</summary>
    Task WriteStateAsync();

    /// <summary>Removes the stored value (keeping the version, so a stale writer still conflicts) and resets <see cref="State"/>.</summary>
    Task ClearStateAsync();
}

/// <summary>Marks a grain constructor parameter of type <see cref="IPersistentState{TState}"/>: the runtime supplies it, read, before OnActivateAsync.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute(string stateName) : Attribute
{
    public string StateName { get; } = stateName;
}
