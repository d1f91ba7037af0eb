using Orleans.Storage;

namespace OrderActors.Persistence.Storage;

/// <summary>
/// The hub's grain storage, around the provider (ADO.NET, or memory in the memory mode). Two duties:
/// <list type="bullet">
/// <item>Keys. The ADO.NET provider passes only the state name and the grain id's key to the SQL, and splits keys that
/// parse as hex numbers or guids into numbers (so "020235" and "20235" would share a row, dotnet/orleans #9706, and two
/// grain types with one key and state name would too, #8746, #9737). The key given to it is "{grain type}/{grain key}":
/// the '/' never parses as hex or a guid, so it reaches the SQL whole as @GrainIdExtensionString, and hub_grain_key
/// splits it back into the grain_state row's (grain_type, grain_key).</item>
/// <item>Nothing half-applied. A grain sets its new state and then writes it; when the write fails, the state it set is
/// not what is stored. So a failed write or clear reads the stored state back into the grain's state (value, ETag,
/// existence) before it throws <see cref="GrainStateWriteException"/>: the activation holds what is durable again, and
/// <c>StateWriteGuard</c> deactivates it so nothing else it kept in memory survives either. An ETag conflict
/// (<see cref="InconsistentStateException"/>) is left to Orleans, which deactivates the grain itself.</item>
/// </list>
/// </summary>
public sealed class HubGrainStorage(IGrainStorage inner) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, Qualify(grainId), grainState);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        inner.ReadStateAsync(stateName, Qualify(grainId), grainState, cancellationToken);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        GuardedAsync(stateName, grainId, grainState, "write", () => inner.WriteStateAsync(stateName, Qualify(grainId), grainState));

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        GuardedAsync(stateName, grainId, grainState, "write",
            () => inner.WriteStateAsync(stateName, Qualify(grainId), grainState, cancellationToken));

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        GuardedAsync(stateName, grainId, grainState, "clear", () => inner.ClearStateAsync(stateName, Qualify(grainId), grainState));

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        GuardedAsync(stateName, grainId, grainState, "clear",
            () => inner.ClearStateAsync(stateName, Qualify(grainId), grainState, cancellationToken));

    /// <summary>The grain id whose key is "{grain type}/{grain key}", e.g. "order/acme/42" for OrderGrain "acme/42".</summary>
    internal static GrainId Qualify(GrainId grainId) =>
        GrainId.Create(grainId.Type, IdSpan.Create($"{grainId.Type}/{grainId.Key}"));

    private async Task GuardedAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, string operation, Func<Task> change)
    {
        try
        {
            await change();
        }
        catch (Exception failure) when (failure is not (InconsistentStateException or OperationCanceledException))
        {
            bool reverted = await TryRevertAsync(stateName, grainId, grainState);
            throw new GrainStateWriteException(grainId, stateName, operation, reverted, failure);
        }
    }

    /// <summary>Reads the stored state back over the one that failed to be stored; false when the storage cannot even be read.</summary>
    private async Task<bool> TryRevertAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        try
        {
            await inner.ReadStateAsync(stateName, Qualify(grainId), grainState);
            return true;
        }
        catch (Exception)
        {
            return false;
        }
    }
}
