using OrderActors.Abstractions.Errors;
using OrderActors.Abstractions.Orders;
using Orleans;
using Orleans.Runtime;

namespace OrderActors.Grains.Orders;

/// <summary>The order a tracking number was issued for.</summary>
[GenerateSerializer, Alias("oa.TrackingIndexState")]
public sealed record TrackingIndexState
{
    [Id(0)]
    public string? OrderId { get; init; }
}

/// <summary>Maps a carrier's tracking number to its order (key <c>tenant/carrier/trackingNo</c>).</summary>
[GrainType("trackingindex")]
public sealed class TrackingIndexGrain([PersistentState("tracking")] IPersistentState<TrackingIndexState> state) : Grain, ITrackingIndexGrain
{
    public async Task RegisterAsync(string orderId)
    {
        if (state.State.OrderId == orderId)
        {
            return;
        }
        if (state.State.OrderId is not null)
        {
            throw new ConflictException($"Tracking number {Abstractions.Common.Keys.LocalPart(this.GetPrimaryKeyString())} already belongs to order {state.State.OrderId}.");
        }
        state.State = new TrackingIndexState { OrderId = orderId };
        await state.WriteStateAsync();
    }

    public Task<string?> GetOrderAsync() => Task.FromResult(state.State.OrderId);
}
