using Orleans.Storage;

namespace OrderActors.Persistence.Storage;

/// <summary>
/// The hub's grain storage: the ADO.NET provider, handed a grain id it keys correctly. The provider passes only the
/// state name and the grain id's key to the SQL, and splits keys that parse as hex numbers or guids into numbers
/// (so "020235" and "20235" would share a row, dotnet/orleans #9706, and two grain types with one key and state
/// name would too, #8746, #9737). The key given to it is "{grain type}/{grain key}": the '/' never parses as hex
/// or a guid, so it reaches the SQL whole as @GrainIdExtensionString, and hub_grain_key splits it back into the
/// grain_state row's (grain_type, grain_key).
/// </summary>
public sealed class HubGrainStorage(IGrainStorage inner) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, Qualify(grainId), grainState);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        inner.ReadStateAsync(stateName, Qualify(grainId), grainState, cancellationToken);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.WriteStateAsync(stateName, Qualify(grainId), grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        inner.WriteStateAsync(stateName, Qualify(grainId), grainState, cancellationToken);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, Qualify(grainId), grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        inner.ClearStateAsync(stateName, Qualify(grainId), grainState, cancellationToken);

    /// <summary>The grain id whose key is "{grain type}/{grain key}", e.g. "order/acme/42" for OrderGrain "acme/42".</summary>
    internal static GrainId Qualify(GrainId grainId) =>
        GrainId.Create(grainId.Type, IdSpan.Create($"{grainId.Type}/{grainId.Key}"));
}
