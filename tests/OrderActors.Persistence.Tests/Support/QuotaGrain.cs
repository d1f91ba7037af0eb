using System.Text.Json.Serialization;
using OrderActors.Persistence.Journal;

namespace OrderActors.Persistence.Tests.Support;

/// <summary>A journaled counter with a bound, standing in for a stock bucket.</summary>
public interface IQuotaGrain : IGrainWithStringKey
{
    /// <summary>Reserves one unit if fewer than <paramref name="bound"/> are reserved; true when reserved (acknowledged after the append).</summary>
    Task<bool> TryReserveAsync(int bound);

    /// <summary>Adds an amount to the journal.</summary>
    Task AddAsync(int amount);

    /// <summary>The state and the journal's version.</summary>
    Task<QuotaView> GetAsync();

    /// <summary>Drops the activation after this call.</summary>
    Task DeactivateAsync();
}

[GenerateSerializer, Immutable, Alias("tests.quota-view")]
public sealed record QuotaView([property: Id(0)] int Reserved, [property: Id(1)] int Total, [property: Id(2)] string History, [property: Id(3)] long Version);

[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(Reserved), "reserved")]
[JsonDerivedType(typeof(Added), "added")]
public abstract record QuotaEvent;

public sealed record Reserved(int Units) : QuotaEvent;

public sealed record Added(int Amount) : QuotaEvent;

public sealed record QuotaState : IJournalState<QuotaState, QuotaEvent>
{
    public int Reserved { get; init; }

    public int Total { get; init; }

    /// <summary>Every amount added, in order: replay must give back the exact sequence, not just the sum.</summary>
    public IReadOnlyList<int> History { get; init; } = [];

    public QuotaState Apply(QuotaEvent @event) => @event switch
    {
        Reserved r => this with { Reserved = Reserved + r.Units },
        Added a => this with { Total = Total + a.Amount, History = [.. History, a.Amount] },
        _ => throw new ArgumentOutOfRangeException(nameof(@event), @event, "Unknown quota event."),
    };
}

/// <summary>Decides on its in-memory state, like a stock bucket; only the append tells it that state was stale.</summary>
[GrainType("quota")]
public sealed class QuotaGrain([JournaledState("quota")] IJournaledState<QuotaState, QuotaEvent> journal) : Grain, IQuotaGrain
{
    public async Task<bool> TryReserveAsync(int bound)
    {
        if (journal.State.Reserved >= bound)
        {
            return false;
        }
        await journal.AppendAsync(new Reserved(1));
        return true;
    }

    public Task AddAsync(int amount) => journal.AppendAsync(new Added(amount));

    public Task<QuotaView> GetAsync() =>
        Task.FromResult(new QuotaView(journal.State.Reserved, journal.State.Total, string.Join(",", journal.State.History), journal.Version));

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
