using System.Text.Json;
using Microsoft.Extensions.Logging;
using OrderActors.Runtime.Core;

namespace OrderActors.Runtime.Storage;

/// <summary>A grain's journaled state bound to one journal (grain id + state name).</summary>
internal sealed class JournaledState<TState, TEvent>(
    GrainId grainId, string stateName, IGrainJournalStorage storage, int snapshotInterval, ILogger logger)
    : IJournaledState<TState, TEvent>, IPersistentStateLoader
    where TState : class, IJournalState<TState, TEvent>, new()
{
    private long _snapshotVersion;

    public TState State { get; private set; } = new();

    public long Version { get; private set; }

    public async Task ReadStateAsync()
    {
        JournalRead read = await storage.ReadAsync(grainId, stateName);
        TState state = read.SnapshotJson is null ? new TState() : JsonSerializer.Deserialize<TState>(read.SnapshotJson, RuntimeJson.Options) ?? new TState();
        foreach (string eventJson in read.EventsJson)
        {
            state = state.Apply(JsonSerializer.Deserialize<TEvent>(eventJson, RuntimeJson.Options)!);
        }
        State = state;
        _snapshotVersion = read.SnapshotVersion;
        Version = read.SnapshotVersion + read.EventsJson.Count;
    }

    public async Task AppendAsync(params TEvent[] events)
    {
        if (events.Length == 0)
        {
            return;
        }
        string[] json = events.Select(e => JsonSerializer.Serialize(e, RuntimeJson.Options)).ToArray();
        TState next = State;
        foreach (TEvent e in events)
        {
            next = next.Apply(e);
        }
        await storage.AppendAsync(grainId, stateName, Version, json);
        State = next;
        Version += events.Length;
        if (Version - _snapshotVersion >= snapshotInterval)
        {
            await SnapshotAsync();
        }
    }

    /// <summary>A failed snapshot loses nothing (the events are durable): it is logged and tried again later.</summary>
    private async Task SnapshotAsync()
    {
        try
        {
            await storage.WriteSnapshotAsync(grainId, stateName, Version, JsonSerializer.Serialize(State, RuntimeJson.Options));
            _snapshotVersion = Version;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Snapshot of {StateName} of {GrainId} at {Version} failed; will retry", stateName, grainId, Version);
        }
    }
}
