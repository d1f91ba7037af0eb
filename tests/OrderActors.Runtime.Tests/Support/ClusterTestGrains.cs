using OrderActors.Runtime.Cluster;

namespace OrderActors.Runtime.Tests.Support;

public interface ILocatorGrain : IGrainWithStringKey
{
    /// <summary>The name of the silo running this activation.</summary>
    Task<string> WhereAsync();

    Task<string> ThrowAsync(string message);
}

public interface ILedgerGrain : IGrainWithStringKey
{
    /// <summary>Appends an entry once: re-sending the same entry (a retry) changes nothing.</summary>
    Task AppendAsync(int entry);

    Task<IReadOnlyList<int>> GetAsync();

    /// <summary>Appends after a pause: keeps calls queued on the activation for a while.</summary>
    Task<string> SlowAppendAsync(int entry, int delayMs);
}

public sealed class LocatorGrain(ILocalSiloDetails silo) : Grain, ILocatorGrain
{
    public Task<string> WhereAsync() => Task.FromResult(silo.Name);

    public Task<string> ThrowAsync(string message) => throw new ArgumentException(message);
}

public sealed record LedgerState
{
    public List<int> Entries { get; init; } = [];
}

public sealed class LedgerGrain([PersistentState("ledger")] IPersistentState<LedgerState> state, ILocalSiloDetails silo) : Grain, ILedgerGrain
{
    public async Task AppendAsync(int entry)
    {
        if (state.State.Entries.Contains(entry))
        {
            return;
        }
        state.State = state.State with { Entries = [.. state.State.Entries, entry] };
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<int>> GetAsync() => Task.FromResult<IReadOnlyList<int>>(state.State.Entries);

    public async Task<string> SlowAppendAsync(int entry, int delayMs)
    {
        await Task.Delay(delayMs);
        await AppendAsync(entry);
        return silo.Name;
    }
}
