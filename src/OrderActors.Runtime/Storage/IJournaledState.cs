namespace OrderActors.Runtime;

/// <summary>
/// A grain's state kept as an append-only journal of events (Orleans: JournaledGrain). Appending a
/// few small rows replaces rewriting a large state; every few hundred events a snapshot bounds the
/// replay on activation. Appends are optimistic: if another activation appended first, the append
/// fails with <see cref="InconsistentStateException"/> and this activation is dropped.
/// </summary>
public interface IJournaledState<TState, TEvent> where TState : class, IJournalState<TState, TEvent>, new()
{
    /// <summary>The state after every confirmed event.</summary>
    TState State { get; }

    /// <summary>How many events the journal holds (the sequence number of the last one).</summary>
    long Version { get; }

    /// <summary>Appends the events durably, all or none, then applies them to <see cref="State"/>.</summary>
    Task AppendAsync(params TEvent[] events);
}

/// <summary>A state that knows how to apply its journal's events.</summary>
public interface IJournalState<TState, in TEvent> where TState : IJournalState<TState, TEvent>
{
    /// <summary>The state after <paramref name="event"/>: a pure function, also used when replaying the journal.</summary>
    TState Apply(TEvent @event);
}

/// <summary>Marks a grain constructor parameter of type <see cref="IJournaledState{TState, TEvent}"/>: the runtime supplies it, replayed, before OnActivateAsync.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class JournaledStateAttribute(string stateName) : Attribute
{
    public string StateName { get; } = stateName;
}
