namespace OrderActors.Persistence.Journal;

/// <summary>
/// A grain's state kept as an append-only journal of events: appending a few small rows replaces rewriting a
/// large state, and a snapshot every few hundred events bounds the replay on activation. Appends are optimistic:
/// when another activation appended first, the append throws Orleans' InconsistentStateException, nothing of it
/// is applied, and Orleans deactivates this activation; the next call replays the journal and decides afresh.
/// The append is never retried as it stands, since the decision it records was taken on stale state.
/// </summary>
public interface IJournaledState<TState, TEvent> where TState : class, IJournalState<TState, TEvent>, new()
{
    /// <summary>The state after every confirmed event.</summary>
    TState State { get; }

    /// <summary>How many events the journal holds (the sequence number of the last one).</summary>
    long Version { get; }

    /// <summary>Appends the events durably, all or none, then applies them to <see cref="State"/>. Appends must not overlap.</summary>
    Task AppendAsync(params TEvent[] events);
}

/// <summary>A state that knows how to apply its journal's events.</summary>
public interface IJournalState<TState, in TEvent> where TState : IJournalState<TState, TEvent>
{
    /// <summary>The state after <paramref name="event"/>: a pure function, also used when replaying the journal.</summary>
    TState Apply(TEvent @event);
}
