using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace OrderActors.Runtime.Tests.Support;

public interface ITallyGrain : IGrainWithStringKey
{
    Task AddAsync(string name, int amount);

    Task RemoveAsync(string name);

    Task<IReadOnlyDictionary<string, int>> GetAsync();

    Task<long> GetVersionAsync();
}

[JsonPolymorphic]
[JsonDerivedType(typeof(TallyAdded), "added")]
[JsonDerivedType(typeof(TallyRemoved), "removed")]
public abstract record TallyEvent;

public sealed record TallyAdded(string Name, int Amount) : TallyEvent;

public sealed record TallyRemoved(string Name) : TallyEvent;

public sealed record TallyState : IJournalState<TallyState, TallyEvent>
{
    public ImmutableDictionary<string, int> Counts { get; init; } = ImmutableDictionary<string, int>.Empty;

    public TallyState Apply(TallyEvent @event) => @event switch
    {
        TallyAdded added => this with { Counts = Counts.SetItem(added.Name, Counts.GetValueOrDefault(added.Name) + added.Amount) },
        TallyRemoved removed => this with { Counts = Counts.Remove(removed.Name) },
        _ => throw new ArgumentOutOfRangeException(nameof(@event)),
    };
}

public sealed class TallyGrain([JournaledState("tally")] IJournaledState<TallyState, TallyEvent> journal) : Grain, ITallyGrain
{
    public Task AddAsync(string name, int amount) => journal.AppendAsync(new TallyAdded(name, amount));

    public Task RemoveAsync(string name) => journal.AppendAsync(new TallyRemoved(name));

    public Task<IReadOnlyDictionary<string, int>> GetAsync() => Task.FromResult<IReadOnlyDictionary<string, int>>(journal.State.Counts);

    public Task<long> GetVersionAsync() => Task.FromResult(journal.Version);
}
