using System.Collections.Concurrent;
using Orleans.Runtime;
using Orleans.Storage;

namespace OrderActors.Testing;

/// <summary>
/// Grain storage that refuses writes and clears on demand, per grain type, below the hub's storage decorator, the way a
/// database refuses a row (a constraint, a lost connection): a test arms it, calls, and disarms it.
/// </summary>
public sealed class StorageFaults
{
    private readonly ConcurrentDictionary<string, bool> _armed = new(StringComparer.Ordinal);
    private int _refused;

    public int Refused => _refused;

    public void FailWritesOf(string grainType) => _armed[grainType] = true;

    public void Heal() => _armed.Clear();

    /// <summary>The provider's storage with this switch in front of it.</summary>
    public IGrainStorage Around(IGrainStorage inner) => new Faulty(inner, this);

    private void ThrowIfArmed(GrainId grainId)
    {
        if (_armed.ContainsKey(grainId.Type.ToString()!))
        {
            Interlocked.Increment(ref _refused);
            throw new IOException($"storage refused the write of {grainId} (test fault)");
        }
    }

    private sealed class Faulty(IGrainStorage inner, StorageFaults faults) : IGrainStorage
    {
        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
            inner.ReadStateAsync(stateName, grainId, grainState);

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            faults.ThrowIfArmed(grainId);
            return inner.WriteStateAsync(stateName, grainId, grainState);
        }

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            faults.ThrowIfArmed(grainId);
            return inner.ClearStateAsync(stateName, grainId, grainState);
        }
    }
}
