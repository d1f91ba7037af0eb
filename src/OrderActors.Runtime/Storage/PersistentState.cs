using System.Text.Json;
using OrderActors.Runtime.Core;

namespace OrderActors.Runtime.Storage;

/// <summary>Lets the activation read a grain's states before OnActivateAsync without knowing their types.</summary>
internal interface IPersistentStateLoader
{
    Task ReadStateAsync();
}

/// <summary>A grain's durable state bound to one storage row (grain id + state name).</summary>
internal sealed class PersistentState<TState>(GrainId grainId, string stateName, IGrainStorage storage)
    : IPersistentState<TState>, IPersistentStateLoader where TState : new()
{
    public TState State { get; set; } = new();

    public string? Etag { get; private set; }

    public bool RecordExists { get; private set; }

    public async Task ReadStateAsync()
    {
        StoredState stored = await storage.ReadAsync(grainId, stateName);
        Etag = stored.Etag;
        RecordExists = stored.Json is not null;
        State = stored.Json is null ? new TState() : JsonSerializer.Deserialize<TState>(stored.Json, RuntimeJson.Options) ?? new TState();
    }

    public async Task WriteStateAsync()
    {
        string json = JsonSerializer.Serialize(State, RuntimeJson.Options);
        Etag = await storage.WriteAsync(grainId, stateName, json, Etag);
        RecordExists = true;
    }

    public async Task ClearStateAsync()
    {
        Etag = await storage.ClearAsync(grainId, stateName, Etag);
        RecordExists = false;
        State = new TState();
    }
}
