using OrderActors.Abstractions.Orders;
using Orleans;
using Orleans.Runtime;

namespace OrderActors.Grains.Orders;

/// <summary>The last order seen with one duplicate fingerprint.</summary>
[GenerateSerializer, Alias("oa.DuplicateIndexState")]
public sealed record DuplicateIndexState
{
    [Id(0)]
    public string? OrderId { get; init; }

    [Id(1)]
    public DateTimeOffset? SeenAt { get; init; }
}

/// <summary>Remembers the latest order per fingerprint (key <c>tenant/fingerprint</c>), for the suspected-duplicate hold.</summary>
[GrainType("duplicateindex")]
public sealed class DuplicateIndexGrain([PersistentState("seen")] IPersistentState<DuplicateIndexState> state) : Grain, IDuplicateIndexGrain
{
    public async Task<DateTimeOffset?> SeenAsync(string orderId, DateTimeOffset at)
    {
        DuplicateIndexState previous = state.State;
        if (previous.OrderId == orderId)
        {
            return null;
        }
        state.State = new DuplicateIndexState { OrderId = orderId, SeenAt = at };
        await state.WriteStateAsync();
        return previous.SeenAt;
    }
}
