using OrderActors.Persistence.Tests.Support;
using OrderActors.Testing;

namespace OrderActors.Persistence.Tests;

/// <summary>The "hub" stream provider on PostgreSQL delivers at least once; consumers are idempotent.</summary>
[Collection(SharedCluster.Name)]
public sealed class StreamDeliveryTests(SharedClusterFixture fixture)
{
    [PostgresFact]
    public async Task AMessageWhoseConsumerFailsOnceIsRedeliveredAndProcessedOnce()
    {
        int[] items = [.. Enumerable.Range(1, 12)];
        IItemConsumerGrain consumer = fixture.Cluster.Client.GetGrain<IItemConsumerGrain>("acme/once");

        await fixture.Cluster.Client.GetGrain<IItemProducerGrain>("producer").PublishAsync("acme/once", items);

        await Eventually.TrueAsync(async () => (await consumer.GetAsync()).Processed.Length == items.Length, TimeSpan.FromSeconds(30));
        ConsumerView view = await consumer.GetAsync();
        Assert.Equal(items, view.Processed.Order());
        Assert.True(view.DeliveriesOfFailOnceItem >= 2, $"item {ItemConsumerGrain.FailOnceItem} was delivered {view.DeliveriesOfFailOnceItem} time(s)");
        await Eventually.TrueAsync(
            async () => await fixture.Sql.ScalarAsync<long>("SELECT count(*) FROM orleans_stream_message") == 0,
            TimeSpan.FromSeconds(20),
            "every delivered message is confirmed and removed from the queue");
    }
}
