using Orleans.Streams;

namespace OrderActors.Persistence.Tests.Support;

/// <summary>Publishes items on the hub's stream provider.</summary>
public interface IItemProducerGrain : IGrainWithStringKey
{
    /// <summary>Publishes each item, in order, on stream ("items", <paramref name="streamKey"/>).</summary>
    Task PublishAsync(string streamKey, int[] items);
}

/// <summary>An idempotent consumer (implicit subscription to "items"); its key is the stream's key.</summary>
public interface IItemConsumerGrain : IGrainWithStringKey
{
    /// <summary>What the consumer took in.</summary>
    Task<ConsumerView> GetAsync();
}

[GenerateSerializer, Immutable, Alias("tests.consumer-view")]
public sealed record ConsumerView([property: Id(0)] int[] Processed, [property: Id(1)] int Deliveries, [property: Id(2)] int DeliveriesOfFailOnceItem);

public sealed class ConsumerState
{
    public List<int> Processed { get; set; } = [];

    public Dictionary<int, int> Deliveries { get; set; } = [];
}

[GrainType("itemproducer")]
public sealed class ItemProducerGrain : Grain, IItemProducerGrain
{
    public async Task PublishAsync(string streamKey, int[] items)
    {
        IAsyncStream<int> stream = this.GetStreamProvider(HubPersistence.StreamProvider).GetStream<int>(StreamId.Create(ItemConsumerGrain.Namespace, streamKey));
        foreach (int item in items)
        {
            await stream.OnNextAsync(item);
        }
    }
}

/// <summary>
/// Fails the first delivery of <see cref="FailOnceItem"/> and every delivery of <see cref="PoisonItem"/>; skips
/// items it has processed already, so a redelivery changes nothing.
/// </summary>
[ImplicitStreamSubscription(Namespace)]
[GrainType("itemconsumer")]
public sealed class ItemConsumerGrain([PersistentState("consumer")] IPersistentState<ConsumerState> state) : Grain, IItemConsumerGrain
{
    public const string Namespace = "items";
    public const int FailOnceItem = 7;
    public const int PoisonItem = -1;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        IAsyncStream<int> stream = this.GetStreamProvider(HubPersistence.StreamProvider).GetStream<int>(StreamId.Create(Namespace, this.GetPrimaryKeyString()));
        await stream.SubscribeAsync((item, _) => ConsumeAsync(item));
    }

    public Task<ConsumerView> GetAsync() => Task.FromResult(new ConsumerView(
        [.. state.State.Processed],
        state.State.Deliveries.Values.Sum(),
        state.State.Deliveries.GetValueOrDefault(FailOnceItem)));

    private async Task ConsumeAsync(int item)
    {
        int deliveries = state.State.Deliveries.GetValueOrDefault(item) + 1;
        state.State.Deliveries[item] = deliveries;
        if (item == PoisonItem || (item == FailOnceItem && deliveries == 1))
        {
            await state.WriteStateAsync();
            throw new InvalidOperationException($"Consumer refuses delivery {deliveries} of item {item}.");
        }
        if (!state.State.Processed.Contains(item))
        {
            state.State.Processed.Add(item);
        }
        await state.WriteStateAsync();
    }
}
